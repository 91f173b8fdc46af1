import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

/** The root of the modlink package running this command. */
export const MODLINK_ROOT = fileURLToPath(new URL("../../../", import.meta.url))

/**
 * The `modlink` entry of a new project's package.json. Run from an installed package (a path
 * under node_modules), the project depends on the same version from the registry. Run from a
 * checkout, it depends on the checkout with `file:`: npm links it (a symlink, offline and fast),
 * so the project always runs the framework the user is looking at.
 */
export function modlinkDependency(root = MODLINK_ROOT): string {
  if (root.split(/[\\/]/).includes("node_modules")) {
    const { version } = JSON.parse(readFileSync(new URL("package.json", `file://${root}/`), "utf8"))
    return `^${version}`
  }
  return `file:${root.replace(/[\\/]$/, "")}`
}
