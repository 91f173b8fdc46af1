import { existsSync } from "node:fs"
import { isAbsolute, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { ModlinkError, suggest } from "../errors/index.ts"
import { isModuleDefinition, type ModuleDefinition } from "../module/index.ts"
import type { ModuleEntry } from "./config.ts"
import { loadFile } from "./load-file.ts"
import { checkModuleDatabaseUrl } from "./module-database-url.ts"

export interface LoadedModule {
  definition: ModuleDefinition
  /** Folder of the module when loaded from a path (its `migrations/` lives there). */
  dir?: string
  /** Own database URL, when the module does not live on the main database. */
  databaseUrl?: string
  /** Read replicas of `databaseUrl`. */
  replicas?: string[]
}

const BUILT_IN: Record<string, () => Promise<{ default: ModuleDefinition }>> = {
  "modlink/product": () => import("../modules/product/index.ts"),
}

function moduleDir(specifier: string, cwd: string): string | undefined {
  if (specifier.startsWith(".") || isAbsolute(specifier)) return resolve(cwd, specifier)
  if (specifier === "modlink/product") return fileURLToPath(new URL("../modules/product", import.meta.url))
  return undefined
}

async function importModule(specifier: string, cwd: string): Promise<{ definition: unknown; dir?: string }> {
  const dir = moduleDir(specifier, cwd)
  if (BUILT_IN[specifier]) return { definition: (await BUILT_IN[specifier]()).default, dir }
  if (dir) {
    const candidates = [dir, ...["index.ts", "index.js", "index.mjs"].map((f) => join(dir, f))]
    if (!candidates.some(existsSync)) {
      throw new ModlinkError("INVALID_CONFIG", `Module "${specifier}" not found at ${dir}`, {
        hint: "a module is a folder with an index.ts that exports default Module(...)",
      })
    }
    return { definition: (await loadFile<{ default?: unknown }>(dir, "module")).default, dir }
  }
  return { definition: (await loadFile<{ default?: unknown }>(specifier, "module package")).default }
}

/** Loads every configured module and checks each exports a Module(...) under a unique name. */
export async function loadModules(entries: readonly ModuleEntry[], cwd: string): Promise<LoadedModule[]> {
  const loaded: LoadedModule[] = []
  for (const entry of entries) {
    const spec = typeof entry === "object" && !isModuleDefinition(entry) ? entry.resolve : entry
    const own = typeof entry === "object" && !isModuleDefinition(entry) ? entry : undefined
    const { definition, dir } =
      typeof spec === "string" ? await importModule(spec, cwd) : { definition: spec, dir: undefined }
    if (!isModuleDefinition(definition)) {
      throw new ModlinkError(
        "INVALID_MODULE",
        `Module "${String(spec)}" has no default export made with Module(...)`,
        {
          hint: 'its index.ts must end with: export default Module("name", { service })',
        },
      )
    }
    if (loaded.some((m) => m.definition.name === definition.name)) {
      throw new ModlinkError("INVALID_CONFIG", `Two configured modules are named "${definition.name}"`, {
        hint: "module names are unique in an app",
      })
    }
    const databaseUrl = own ? checkModuleDatabaseUrl(definition.name, own, cwd) : undefined
    if (own?.replicas?.length && !databaseUrl) {
      throw new ModlinkError(
        "INVALID_CONFIG",
        `Module "${definition.name}" lists replicas but no databaseUrl`,
        {
          hint: "replicas belong to the database they copy: give the module its databaseUrl, or list the main database's replicas in the config's top-level `replicas`",
        },
      )
    }
    loaded.push({ definition, dir, databaseUrl, replicas: own?.replicas })
  }
  return loaded
}

/** The loaded module named `name`, or an error listing the configured ones. */
export function findModule(modules: readonly LoadedModule[], name: string): LoadedModule {
  const found = modules.find((m) => m.definition.name === name)
  if (!found) {
    throw new ModlinkError("INVALID_MODULE", `Unknown module "${name}"`, {
      hint: suggest(
        name,
        modules.map((m) => m.definition.name),
        "configured modules",
      ),
    })
  }
  return found
}
