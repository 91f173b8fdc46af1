import { existsSync, readdirSync } from "node:fs"
import type { Database } from "../db/database.ts"
import { introspectSchema } from "../db/introspect.ts"
import { sql } from "../db/sql.ts"
import type { TableSchema } from "../dml/table-schema.ts"
import { diffTables } from "./diff-tables.ts"

/** Which migration files ran, per module, in the module's database. */
export const MIGRATIONS_TABLE = "modlink_migrations"

export const migrationsTableSchema: TableSchema = {
  name: MIGRATIONS_TABLE,
  columns: [
    { name: "module", type: "text", nullable: false },
    { name: "name", type: "text", nullable: false },
    { name: "applied_at", type: "timestamptz", nullable: false, default: "now()" },
  ],
  primaryKey: ["module", "name"],
  indexes: [],
  foreignKeys: [],
  checks: [],
}

/** The `.sql` files of a migrations folder in the order they run (their names start with a timestamp). */
export function migrationFiles(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) return []
  return readdirSync(migrationsDir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
}

/** Names of the files already applied for `moduleName`; none when nothing was ever migrated. */
export async function appliedMigrations(db: Database, moduleName: string): Promise<Set<string>> {
  const exists = await db.query<{ found: boolean }>(
    sql`select to_regclass(${MIGRATIONS_TABLE}) is not null as found`,
  )
  if (!exists.rows[0]?.found) return new Set()
  const { rows } = await db.query<{ name: string }>(
    sql`select name from ${sql.id(MIGRATIONS_TABLE)} where module = ${moduleName}`,
  )
  return new Set(rows.map((row) => row.name))
}

export async function pendingMigrations(
  db: Database,
  moduleName: string,
  migrationsDir: string,
): Promise<string[]> {
  const applied = await appliedMigrations(db, moduleName)
  return migrationFiles(migrationsDir).filter((name) => !applied.has(name))
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
