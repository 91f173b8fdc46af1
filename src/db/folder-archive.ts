import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"

/**
 * A folder as one gzipped buffer and back: the embedded database's initial data folder ships in
 * the package this way (see pglite-template.ts). Records in order: a kind byte (`d` folder, `f`
 * file), the relative path's length (4 bytes) and UTF-8 bytes, then for a file its length (4
 * bytes) and contents. Folders are recorded too: PostgreSQL needs some of them empty.
 */
const FOLDER = 0x64
const FILE = 0x66

function records(dir: string, prefix: string, out: Buffer[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    const name = Buffer.from(path, "utf8")
    const head = Buffer.alloc(5)
    head.writeUInt8(entry.isDirectory() ? FOLDER : FILE, 0)
    head.writeUInt32LE(name.length, 1)
    out.push(head, name)
    if (entry.isDirectory()) {
      records(join(dir, entry.name), path, out)
    } else {
      const content = readFileSync(join(dir, entry.name))
      const size = Buffer.alloc(4)
      size.writeUInt32LE(content.length, 0)
      out.push(size, content)
    }
  }
}

export function packFolder(dir: string): Buffer {
  const out: Buffer[] = []
  records(dir, "", out)
  return gzipSync(Buffer.concat(out), { level: 9 })
}

/** Writes the packed folder's entries under `dir`, which must be new or empty. */
export function unpackFolder(packed: Buffer, dir: string): void {
  const data = gunzipSync(packed)
  mkdirSync(dir, { recursive: true })
  let at = 0
  while (at < data.length) {
    const kind = data.readUInt8(at)
    const nameLength = data.readUInt32LE(at + 1)
    const path = data.toString("utf8", at + 5, at + 5 + nameLength)
    at += 5 + nameLength
    if (path.split("/").some((part) => part === ".." || part === "")) {
      throw new Error(`A packed folder names a path outside itself: ${path}`)
    }
    if (kind === FOLDER) {
      mkdirSync(join(dir, path), { recursive: true })
    } else if (kind === FILE) {
      const size = data.readUInt32LE(at)
      writeFileSync(join(dir, path), data.subarray(at + 4, at + 4 + size))
      at += 4 + size
    } else {
      throw new Error(`Not a packed folder: unknown entry kind ${kind} at byte ${at - 5 - nameLength}`)
    }
  }
}
