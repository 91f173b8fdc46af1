import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { isModuleDefinition } from "../module/index.ts"
import type { App } from "./create-app.ts"
import { linkFiles } from "./discover-links.ts"

/** The declaration file that types an app's container, query and links (`registry.ts`). */
export const TYPES_FILE = "modlink-env.d.ts"

/** How the declaration file imports a configured module: a package as is, a folder by its index. */
function moduleImport(cwd: string, specifier: string): string {
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) return specifier
  const dir = resolve(cwd, specifier)
  const file = ["index.ts", "index.mts", "index.js"].map((f) => join(dir, f)).find(existsSync)
  return relativeImport(cwd, file ?? dir)
}

function relativeImport(cwd: string, file: string): string {
  const path = relative(cwd, file).split("\\").join("/")
  return path.startsWith(".") ? path : `./${path}`
}

/**
 * The file's text for a loaded app: its modules in config order (a module object written inline
 * in the config cannot be imported, so it stays untyped) and its link files in discovery order.
 */
export function renderTypesFile(app: App): string {
  const modules = app.config.modules.flatMap((entry, index) => {
    const spec = typeof entry === "object" && !isModuleDefinition(entry) ? entry.resolve : entry
    const name = app.modules[index]?.definition.name
    if (typeof spec !== "string" || !name) return []
    return [`      ${name}: typeof import(${JSON.stringify(moduleImport(app.cwd, spec))}).default`]
  })
  const links = linkFiles(join(app.cwd, "src", "links")).map(
    (file) => `      typeof import(${JSON.stringify(relativeImport(app.cwd, file))}).default,`,
  )
  return [
    "// Written by `modlink types` and refreshed by every modlink command that loads the project: do not edit.",
    "// It tells the type checker which modules and links the app has, so `app.resolve`, `query.graph`",
    "// and `link.*` are typed from them.",
    'import type {} from "modlink"',
    "",
    'declare module "modlink" {',
    "  interface ModlinkRegistry {",
    "    modules: {",
    ...modules,
    "    }",
    links.length ? "    links: [" : "    links: []",
    ...(links.length ? [...links, "    ]"] : []),
    "  }",
    "}",
    "",
  ].join("\n")
}

/** Writes the file when its text changed; returns its path and whether it was written. */
export function writeTypesFile(app: App): { path: string; written: boolean } {
  const path = join(app.cwd, TYPES_FILE)
  const text = renderTypesFile(app)
  if (existsSync(path) && readFileSync(path, "utf8") === text) return { path, written: false }
  writeFileSync(path, text)
  return { path, written: true }
}
