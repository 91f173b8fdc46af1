import { existsSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { ModlinkError } from "../errors/index.ts"
import { isLinkHandle, type LinkSource } from "../link/index.ts"
import { loadFile } from "./load-file.ts"

const LINK_FILE = /\.(ts|mts|js|mjs)$/

/** Files that hold links: `.ts`/`.js` under the folder, skipping `index.*`, `_*` and `.d.ts`. */
export function linkFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name)
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue
    if (entry.isDirectory()) files.push(...linkFiles(path))
    else if (LINK_FILE.test(entry.name) && !entry.name.endsWith(".d.ts") && !/^index\./.test(entry.name)) {
      files.push(path)
    }
  }
  return files
}

/** Loads every link file under `<cwd>/src/links`; each must default-export defineLink(...). */
export async function loadLinkSources(cwd: string): Promise<LinkSource[]> {
  const sources: LinkSource[] = []
  for (const file of linkFiles(join(cwd, "src", "links"))) {
    const loaded = await loadFile<{ default?: unknown }>(file, "link file")
    if (!isLinkHandle(loaded.default)) {
      throw new ModlinkError("INVALID_LINK", `Link file ${file} does not default-export a link`, {
        hint: "end the file with: export default defineLink(ModuleA.linkable.x, ModuleB.linkable.y)",
      })
    }
    sources.push({ handle: loaded.default, file })
  }
  return sources
}
