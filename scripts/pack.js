// Packs this checkout as a clone would be packed, without touching it: its files (tracked, plus
// new ones git does not ignore) are copied into a temporary folder with node_modules linked, and
// `npm pack` runs there, so `prepare` builds a fresh dist/ from the sources. Used by the pack test
// (test/package/) and the bench's package rows.
import { execFileSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))

export function packCheckout(destination) {
  const copy = mkdtempSync(join(tmpdir(), "modlink-checkout-"))
  try {
    const files = execFileSync("git", ["ls-files", "-z", "-co", "--exclude-standard"], { cwd: root })
      .toString()
      .split("\0")
      .filter(Boolean)
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true })
      cpSync(join(root, file), join(copy, file))
    }
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"))
    const output = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
      cwd: copy,
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    }).toString()
    const [packed] = JSON.parse(output.slice(output.indexOf("[")))
    return {
      tarball: join(destination, packed.filename),
      files: packed.files.map((file) => file.path),
      size: packed.size,
      unpackedSize: packed.unpackedSize,
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}
