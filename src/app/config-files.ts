import { existsSync } from "node:fs"
import { dirname, join, resolve } from "node:path"

/** The names a project's config may have, in the order they are looked for. */
export const CONFIG_FILES = [
  "modlink.config.ts",
  "modlink.config.mts",
  "modlink.config.js",
  "modlink.config.mjs",
]

/** The config file in `dir`, if it holds one. */
export function configFileIn(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => join(dir, name)).find(existsSync)
}

/**
 * The project `start` is in: the nearest folder at or above it that holds a config, as git finds
 * its repository, so a command works from any subfolder. Undefined when no folder up to the root
 * has one.
 */
export function findProjectRoot(start: string): string | undefined {
  let dir = resolve(start)
  for (;;) {
    if (configFileIn(dir)) return dir
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
