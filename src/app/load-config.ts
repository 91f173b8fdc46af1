import { existsSync } from "node:fs"
import { join } from "node:path"
import { ModlinkError } from "../errors/index.ts"
import type { ModlinkConfig } from "./config.ts"
import { loadFile } from "./load-file.ts"

export const CONFIG_FILES = [
  "modlink.config.ts",
  "modlink.config.mts",
  "modlink.config.js",
  "modlink.config.mjs",
]

/** Finds and loads the project's config; `modules` must be a list. */
export async function loadConfig(cwd: string): Promise<{ config: ModlinkConfig; file: string }> {
  const file = CONFIG_FILES.map((name) => join(cwd, name)).find(existsSync)
  if (!file) {
    throw new ModlinkError("INVALID_CONFIG", `No modlink.config.ts in ${cwd}`, {
      hint: "run the command from your project root, or create one with `modlink init`",
    })
  }
  const loaded = await loadFile<{ default?: ModlinkConfig }>(file, "config")
  const config = loaded.default
  if (!config || typeof config !== "object" || !Array.isArray(config.modules)) {
    throw new ModlinkError("INVALID_CONFIG", `${file} must export default defineConfig({ modules: [...] })`, {
      hint: 'e.g. export default defineConfig({ modules: ["modlink/product", "./src/modules/blog"] })',
    })
  }
  return { config, file }
}
