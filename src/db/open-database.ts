import { mkdirSync } from "node:fs"
import { join } from "node:path"
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
  if (url?.startsWith("pglite:")) return openPglite(url.slice("pglite:".length))
  if (url) return openPostgres(url, options)
  const dir = join(options.cwd, ".modlink", options.name ?? "main")
  mkdirSync(dir, { recursive: true })
  return openPglite(dir)
}
