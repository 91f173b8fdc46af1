import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"
import type { TableSchema } from "../../dml/table-schema.ts"
import type { LinkDescriptor, ResolvedTableLink } from "../../link/resolved-link.ts"
import { diffTables } from "../tables/diff-tables.ts"
import type { IntrospectedSchema } from "./introspect.ts"
import { introspectSchema } from "./introspect.ts"

/**
 * The link registry: one row per link table modlink manages, with the definition it was last
 * synced with. Sync compares definitions with it to tell a new link from a renamed or removed one.
 * It lives in the main database, next to the link tables.
 */
export const LINK_REGISTRY_TABLE = "modlink_links"

export const linkRegistrySchema: TableSchema = {
  name: LINK_REGISTRY_TABLE,
  columns: [
    { name: "table_name", type: "text", nullable: false },
    { name: "descriptor", type: "jsonb", nullable: false },
    { name: "definition", type: "jsonb", nullable: false },
    { name: "created_at", type: "timestamptz", nullable: false, default: "now()" },
    { name: "updated_at", type: "timestamptz", nullable: false, default: "now()" },
  ],
  primaryKey: ["table_name"],
  indexes: [],
  foreignKeys: [],
  checks: [],
}

/** The definition as recorded; `file` is left out since it depends on where the project sits. */
export type RecordedLink = Omit<ResolvedTableLink, "file">

export interface RegistryRow {
  table: string
  descriptor: LinkDescriptor
  definition: RecordedLink
}

/** The recorded links, or none when the registry does not exist yet (nothing was ever synced). */
export async function readLinkRegistry(db: Database): Promise<RegistryRow[]> {
  const exists = await db.query<{ found: boolean }>(
    sql`select to_regclass(${LINK_REGISTRY_TABLE}) is not null as found`,
  )
  if (!exists.rows[0]?.found) return []
  const { rows } = await db.query<{
    table_name: string
    descriptor: LinkDescriptor
    definition: RecordedLink
  }>(sql`select table_name, descriptor, definition from ${sql.id(LINK_REGISTRY_TABLE)} order by table_name`)
  return rows.map((row) => ({
    table: row.table_name,
    descriptor: row.descriptor,
    definition: row.definition,
  }))
}

export function recordedLink(link: ResolvedTableLink): RecordedLink {
  const { file: _, ...recorded } = link
  return recorded
}

/** Creates the registry, or brings an older one up to the current shape. Runs inside the apply. */
export async function ensureLinkRegistry(tx: Database, actual?: IntrospectedSchema): Promise<void> {
  const schema = actual ?? (await introspectSchema(tx, { tables: [LINK_REGISTRY_TABLE] }))
  for (const change of diffTables([linkRegistrySchema], schema)) await tx.query(change.statement)
}

/** Records the definitions in one statement, whatever their number. */
export async function recordLinks(tx: Database, links: readonly ResolvedTableLink[]): Promise<void> {
  if (links.length === 0) return
  const rows = links.map((link) => ({
    table_name: link.table,
    descriptor: link.descriptor,
    definition: recordedLink(link),
  }))
  const registry = sql.id(LINK_REGISTRY_TABLE)
  await tx.query(sql`
    insert into ${registry} (table_name, descriptor, definition)
    select table_name, descriptor, definition
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(table_name text, descriptor jsonb, definition jsonb)
    on conflict (table_name) do update
      set descriptor = excluded.descriptor, definition = excluded.definition, updated_at = now()
      where ${registry}.definition is distinct from excluded.definition`)
}

export async function forgetLinks(tx: Database, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return
  await tx.query(
    sql`delete from ${sql.id(LINK_REGISTRY_TABLE)} where table_name = any(${[...tables]}::text[])`,
  )
}
