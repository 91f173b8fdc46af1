import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { buildPackage } from "../../scripts/build.js"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  )
}

function builtAt(): number {
  try {
    return statSync(join(ROOT, "dist", "cli", "main.js")).mtimeMs
  } catch {
    return 0
  }
}

/**
 * Vitest global setup: the suite runs on the sources, but a project made by `modlink init` from
 * this checkout runs the checkout's `bin/modlink.js`, which is the built code. Rebuilt here when
 * missing (`npm ci --ignore-scripts`) or older than a source file, so that test never runs a
 * stale build.
 */
export default async function setup(): Promise<void> {
  if (builtAt() < newest(join(ROOT, "src"))) await buildPackage()
}
