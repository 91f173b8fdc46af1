import { type Database, sql } from "../../../src/db/index.ts"
import { introspectSchema } from "../../../src/sync/catalog/introspect.ts"
import { checksumDatabase } from "./db-checksum.ts"

/**
 * Everything a sync may change, in comparable form: every table with its columns, keys, indexes and
 * checks (from the catalogs), the relation list, a digest of every table's rows, and the link
 * registry's rows in full, so a difference reads as the table or row that changed.
 */
export async function snapshotSchema(db: Database) {
  const { tables } = await introspectSchema(db)
  const registry = await db.query(sql`select * from modlink_links order by table_name`)
  const { relations, tables: digests } = await checksumDatabase(db)
  return {
    tables: Object.fromEntries([...tables].sort(([a], [b]) => a.localeCompare(b))),
    relations,
    digests,
    registry: registry.rows as Array<{ table_name: string; definition: any }>,
  }
}
