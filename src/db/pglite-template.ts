import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { homedir } from "node:os"
import { dirname, join } from "node:path"
import type { PGliteOptions } from "@electric-sql/pglite"

/**
 * A new PGlite folder normally starts with initdb inside WASM: tens of seconds and close to a
 * gigabyte of memory. Every fresh folder of one PGlite version is the same bytes, so modlink runs
 * initdb once per machine into a cached template folder and copies it into each new data folder
 * (a plain file copy of ~40 MB).
 */

/** Marks a complete PostgreSQL data folder: copied last, so a copy cut short is seen as not done. */
const VERSION_FILE = "PG_VERSION"

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite")
  const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as {
    version: string
  }
  return pkg.version
}

/** MODLINK_CACHE_DIR, else the XDG cache folder, else ~/.cache/modlink. */
function cacheDir(): string {
  if (process.env.MODLINK_CACHE_DIR) return process.env.MODLINK_CACHE_DIR
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "modlink")
}

export const isDataFolder = (dir: string): boolean => existsSync(join(dir, VERSION_FILE))

/**
 * The template folder for this PGlite version, made now if missing. Two processes making it at
 * once each build their own and rename it into place; the loser's copy is dropped. Returns
 * undefined when the cache cannot be written: the caller then lets PGlite run initdb in place.
 */
async function template(
  options: PGliteOptions,
  announce: (line: string) => void,
): Promise<string | undefined> {
  const path = join(cacheDir(), `pglite-${pgliteVersion()}`)
  if (isDataFolder(path)) return path
  const building = `${path}.building-${process.pid}`
  try {
    announce(`Initialising the embedded PostgreSQL once for this machine in ${path} (up to a minute)…`)
    mkdirSync(dirname(path), { recursive: true })
    rmSync(building, { recursive: true, force: true })
    const { PGlite } = await import("@electric-sql/pglite")
    const db = new PGlite(building, options)
    await db.waitReady
    await db.close()
    try {
      renameSync(building, path)
    } catch {
      // Another process finished first: its template is the same, keep it.
      rmSync(building, { recursive: true, force: true })
    }
    return isDataFolder(path) ? path : undefined
  } catch {
    rmSync(building, { recursive: true, force: true })
    return undefined
  }
}

/**
 * Fills the empty data folder `dir` from the template. The version file goes last: a copy cut
 * short by a crash has none, and the next open copies again over it.
 */
export async function prepareDataFolder(
  dir: string,
  options: PGliteOptions,
  announce: (line: string) => void,
): Promise<void> {
  if (isDataFolder(dir)) return
  const source = await template(options, announce)
  if (!source) return
  announce(`Creating the embedded database in ${dir}…`)
  for (const entry of readdirSync(source)) {
    if (entry !== VERSION_FILE)
      cpSync(join(source, entry), join(dir, entry), { recursive: true, force: true })
  }
  cpSync(join(source, VERSION_FILE), join(dir, VERSION_FILE))
}
