import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"

/**
 * Medusa records the link tables it synced in `link_module_migrations`. On a database adopted from
 * Medusa, those the project does not define are Medusa's own (cart ↔ promotion, product ↔ sales
 * channel…): sync reports them as not its own and never touches them. Empty elsewhere.
 */
export async function readForeignLinkTables(db: Database, defined: readonly string[]): Promise<string[]> {
  const exists = await db.query<{ found: boolean }>(
    sql`select to_regclass('link_module_migrations') is not null as found`,
  )
  if (!exists.rows[0]?.found) return []
  const { rows } = await db.query<{ table_name: string }>(
    sql`select table_name from link_module_migrations where not (table_name = any(${[...defined]}::text[])) order by table_name`,
  )
  return rows.map((row) => row.table_name)
}
