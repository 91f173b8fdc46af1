import type { Database } from "../../db/database.ts"
import type { ResolvedTableLink } from "../../link/resolved-link.ts"
import { readForeignLinkTables } from "./foreign-links.ts"
import { type IntrospectedSchema, introspectSchema } from "./introspect.ts"
import { type RegistryRow, readLinkRegistry } from "./link-registry.ts"

/** Everything link sync reads from the database, read once before any decision is made. */
export interface LinkCatalog {
  /** What the last sync recorded, one row per link table (none before the first sync). */
  registry: RegistryRow[]
  /** The tables the definitions and the registry name, as they are now. */
  schema: IntrospectedSchema
  /** Link tables another system (Medusa) recorded that no definition here claims. */
  foreignTables: string[]
}

/**
 * The first stage of link sync: reads the registry, then the shape of every table a definition
 * or the registry names, then the foreign registry. Read-only: a database that was never synced
 * simply has no registry.
 */
export async function readLinkCatalog(
  db: Database,
  links: readonly ResolvedTableLink[],
): Promise<LinkCatalog> {
  const registry = await readLinkRegistry(db)
  const tables = [...links.map((link) => link.table), ...registry.map((row) => row.table)]
  const schema = await introspectSchema(db, { tables })
  const foreignTables = await readForeignLinkTables(db, tables)
  return { registry, schema, foreignTables }
}
