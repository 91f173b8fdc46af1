import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs"
import { createRequire } from "node:module"
import { homedir, tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { PGliteOptions } from "@electric-sql/pglite"
import { packFolder, unpackFolder } from "./folder-archive.ts"

/**
 * A new PGlite folder normally starts with initdb inside WASM: tens of seconds and close to a
 * gigabyte of memory. Every fresh folder of one PGlite version is the same bytes, so modlink runs
 * initdb once per machine into a cached template folder and copies it into each new data folder
 * (a plain file copy of ~40 MB). The package ships that folder packed (`npm run build` makes it,
 * 4.5 MB): a machine unpacks it instead of running initdb, so even its first command stays light.
 */

/**
 * Every open uses these, and so does the initdb whose result ships. PostgreSQL's default 128 MB of
 * shared buffers is sized for a server; the embedded database serves one developer's process, and
 * the buffers are most of its resident memory.
 */
export const PGLITE_OPTIONS: PGliteOptions = { postgresqlconf: "shared_buffers = 16MB" }

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

/** The packed initial folder for the installed PGlite, beside the built code (dist/). */
export function shippedTemplate(): string {
  return fileURLToPath(new URL(`../../dist/pglite-template-${pgliteVersion()}.bin`, import.meta.url))
}

async function initialise(dir: string, options: PGliteOptions): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite")
  const db = new PGlite(dir, options)
  await db.waitReady
  await db.close()
}

/** Runs initdb once and packs its folder into `outDir`: `npm run build` ships the result. */
export async function writeShippedTemplate(outDir: string): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), "modlink-template-"))
  try {
    await initialise(join(work, "data"), PGLITE_OPTIONS)
    const file = join(outDir, `pglite-template-${pgliteVersion()}.bin`)
    writeFileSync(file, packFolder(join(work, "data")))
    return file
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

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
    mkdirSync(dirname(path), { recursive: true })
    rmSync(building, { recursive: true, force: true })
    const shipped = shippedTemplate()
    if (existsSync(shipped)) {
      announce(`Unpacking the embedded PostgreSQL once for this machine into ${path}…`)
      unpackFolder(readFileSync(shipped), building)
    } else {
      announce(`Initialising the embedded PostgreSQL once for this machine in ${path} (up to a minute)…`)
      await initialise(building, options)
    }
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
