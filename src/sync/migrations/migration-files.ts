import { existsSync, readdirSync } from "node:fs"
import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"
import type { TableSchema } from "../../dml/table-schema.ts"
import { introspectSchema } from "../catalog/introspect.ts"
import { diffTables } from "../tables/diff-tables.ts"

/** Which migration files ran, per module, in the module's database. */
export const MIGRATIONS_TABLE = "modlink_migrations"

export const migrationsTableSchema: TableSchema = {
  name: MIGRATIONS_TABLE,
  columns: [
    { name: "module", type: "text", nullable: false },
    { name: "name", type: "text", nullable: false },
    { name: "applied_at", type: "timestamptz", nullable: false, default: "now()" },
    // The run that applied the file, per module: `db:rollback` reverts the highest. Rows from
    // before batches existed have none and count as one batch 0.
    { name: "batch", type: "integer", nullable: true },
  ],
  primaryKey: ["module", "name"],
  indexes: [],
  foreignKeys: [],
  checks: [],
}

/** `20250101000000_blog.sql` → `20250101000000_blog.down.sql`: the script that reverts it. */
export function downScriptName(file: string): string {
  return file.replace(/\.sql$/, ".down.sql")
}

/** The `.sql` files of a migrations folder in the order they run (their names start with a timestamp). */
export function migrationFiles(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) return []
  return readdirSync(migrationsDir)
    .filter((name) => name.endsWith(".sql") && !name.endsWith(".down.sql"))
    .sort()
}

export interface HistoryOptions {
  /**
   * Names of every module the app loads. History recorded under a name absent from this list
   * (a renamed module) is taken over by the module whose folder holds every file of it; without
   * the list no rename is guessed.
   */
  modules?: readonly string[]
}

export interface MigrationHistory {
  /** Files applied for the module, under its name or its former one. */
  applied: Set<string>
  /** Files of the folder not applied yet, in the order they run. */
  pending: string[]
  /** The name the module's history is recorded under when it was renamed since. */
  formerName?: string
}

async function historyRows(db: Database): Promise<{ module: string; name: string }[]> {
  const exists = await db.query<{ found: boolean }>(
    sql`select to_regclass(${MIGRATIONS_TABLE}) is not null as found`,
  )
  if (!exists.rows[0]?.found) return []
  const { rows } = await db.query<{ module: string; name: string }>(
    sql`select module, name from ${sql.id(MIGRATIONS_TABLE)}`,
  )
  return rows
}

/**
 * What ran and what is pending for a module. Applied files are keyed by module name, so a module
 * renamed `blog` → `article` would see its applied files as pending and run them again; its
 * history is found instead under the one former name that is no longer loaded and whose every
 * applied file sits in this module's folder (file names carry a timestamp, so this does not
 * happen by chance). Moving the folder changes nothing: history follows the module's name.
 */
export async function migrationHistory(
  db: Database,
  moduleName: string,
  migrationsDir: string,
  options: HistoryOptions = {},
): Promise<MigrationHistory> {
  const files = migrationFiles(migrationsDir)
  const rows = await historyRows(db)
  const byModule = new Map<string, Set<string>>()
  for (const row of rows) {
    const names = byModule.get(row.module) ?? new Set<string>()
    names.add(row.name)
    byModule.set(row.module, names)
  }
  const applied = new Set(byModule.get(moduleName) ?? [])
  let formerName: string | undefined
  if (options.modules) {
    const loaded = new Set(options.modules)
    const candidates = [...byModule].filter(
      ([name, names]) => !loaded.has(name) && [...names].every((file) => files.includes(file)),
    )
    if (candidates.length === 1) {
      formerName = candidates[0][0]
      for (const file of candidates[0][1]) applied.add(file)
    }
  }
  return {
    applied,
    pending: files.filter((name) => !applied.has(name)),
    ...(formerName ? { formerName } : {}),
  }
}

export async function pendingMigrations(
  db: Database,
  moduleName: string,
  migrationsDir: string,
  options: HistoryOptions = {},
): Promise<string[]> {
  return (await migrationHistory(db, moduleName, migrationsDir, options)).pending
}

export async function ensureMigrationsTable(db: Database): Promise<void> {
  const actual = await introspectSchema(db, { tables: [MIGRATIONS_TABLE] })
  for (const change of diffTables([migrationsTableSchema], actual)) await db.query(change.statement)
}

/**
 * Marks files as applied without running them, all or none: the baseline of a module whose tables
 * were made by someone else. Files already recorded stay as they were.
 */
export async function recordMigrations(
  db: Database,
  moduleName: string,
  names: readonly string[],
): Promise<void> {
  if (names.length === 0) return
  await ensureMigrationsTable(db)
  await db.query(
    sql`insert into ${sql.id(MIGRATIONS_TABLE)} (module, name) select ${moduleName}, unnest(${[...names]}::text[]) on conflict do nothing`,
  )
}
