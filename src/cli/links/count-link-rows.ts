import { type Database, sql } from "../../db/index.ts"

/**
 * Live rows of every given link table that exists, in one statement (`UNION ALL` of counts);
 * a table missing from the database (links not synced yet) is absent from the result.
 */
export async function countLinkRows(db: Database, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (tables.length === 0) return counts
  const existing = await db.query<{ name: string }>(
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname = any(${[...tables]})`,
  )
  if (existing.rows.length === 0) return counts
  const selects = existing.rows.map(
    ({ name }) =>
      sql`select ${name}::text as name, count(*)::int as rows from ${sql.id(name)} where deleted_at is null`,
  )
  const result = await db.query<{ name: string; rows: number }>(sql.join(selects, " union all "))
  for (const row of result.rows) counts.set(row.name, Number(row.rows))
  return counts
}
