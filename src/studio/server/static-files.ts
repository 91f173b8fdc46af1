import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** Where `npm run build:studio` writes the browser bundle: `dist/studio/` of the modlink package. */
export function bundleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  // Walk up to the package root, wherever this file runs from (src/ under jiti, or built code).
  while (
    !existsSync(join(dir, "package.json")) ||
    !readFileSync(join(dir, "package.json"), "utf8").includes('"name": "modlink"')
  ) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error("modlink's package.json was not found above the studio server")
    dir = parent
  }
  return join(dir, "dist", "studio")
}

const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
}

/** The bundle's files by URL path, read once: they hold no data, so they need no token. */
export function loadStaticFiles(dir: string): Map<string, { body: Buffer; type: string }> {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`The studio's browser bundle is missing from ${dir}: run \`npm run build:studio\``)
  }
  return new Map(
    Object.entries(FILES).map(([path, { file, type }]) => [
      path,
      { body: readFileSync(join(dir, file)), type },
    ]),
  )
}
