import { ModlinkError } from "../errors/index.ts"
import type { ModlinkConfig } from "./config.ts"
import { configFileIn } from "./config-files.ts"
import { loadFile } from "./load-file.ts"

/** Finds and loads the project's config; `modules` must be a list. */
export async function loadConfig(cwd: string): Promise<{ config: ModlinkConfig; file: string }> {
  const file = configFileIn(cwd)
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
