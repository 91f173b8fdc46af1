import { mkdirSync } from "node:fs"
import { join, resolve } from "node:path"
import { ModlinkError } from "../errors/index.ts"
import type { Database } from "./database.ts"
import { openPglite } from "./pglite-database.ts"
import { openPostgres, type PostgresOptions } from "./postgres-database.ts"

export interface OpenOptions extends PostgresOptions {
  /** Project root; the embedded database lives in `<cwd>/.modlink/<name>`. */
  cwd: string
  /** Folder name under `.modlink/` for the embedded database (one per configured database). */
  name?: string
}

/**
 * A server URL opens node-postgres; no URL opens the embedded PGlite under `.modlink/`, so a new
 * project runs with zero setup. `pglite:memory` opens a throwaway in-memory database.
 */
export async function openDatabase(url: string | undefined, options: OpenOptions): Promise<Database> {
  if (url === "pglite:memory") return openPglite()
  if (url?.startsWith("pglite:")) return openPglite(resolve(options.cwd, url.slice("pglite:".length)))
  if (url) return openPostgres(checkServerUrl(url), options)
  const dir = join(options.cwd, ".modlink", options.name ?? "main")
  mkdirSync(dir, { recursive: true })
  return openPglite(dir)
}

const URL_FORMS =
  "modlink runs on PostgreSQL: postgres://user:password@host:5432/database, pglite:<folder> or pglite:memory, " +
  "or no URL for the embedded database in .modlink/"

/** Refuses what is not a PostgreSQL URL before a driver misreads it (a MySQL URL, a bare word). */
function checkServerUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ModlinkError("INVALID_CONFIG", `Database URL "${url}" is not a URL`, { hint: URL_FORMS })
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new ModlinkError(
      "INVALID_CONFIG",
      `Database URL scheme "${parsed.protocol}" is not supported (in ${parsed.protocol}//${parsed.host}…)`,
      { hint: URL_FORMS },
    )
  }
  return url
}
