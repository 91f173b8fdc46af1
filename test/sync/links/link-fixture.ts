import { primaryKeyName } from "../../../src/dml/identifiers.ts"
import { model } from "../../../src/dml/model-builder.ts"
import type { TableSchema } from "../../../src/dml/table-schema.ts"
import { defineLink } from "../../../src/link/define-link.ts"
import type { DefineLinkOptions, LinkSideInput } from "../../../src/link/link-definition.ts"
import { linkTableSchema } from "../../../src/link/link-table.ts"
import { type LinkableModule, resolveLinks } from "../../../src/link/resolve-link.ts"
import type { ResolvedTableLink } from "../../../src/link/resolved-link.ts"
import type { IntrospectedTable } from "../../../src/sync/catalog/introspect.ts"
import { type RegistryRow, recordedLink } from "../../../src/sync/catalog/link-registry.ts"
import type { LinkCatalog } from "../../../src/sync/catalog/read-link-catalog.ts"
import { blogModule, linkableModule, Post, productModule } from "../../support/link-modules.ts"

/** Hand-made inputs for the planner's pure stages: links, registry rows and catalogs, no database. */

export const product = productModule.linkable.product
export const post = blogModule.linkable.post
export const Article = model.define("article", { id: model.id().primaryKey(), title: model.text() })
/** The blog module renamed `article` (same post model): a module rename. */
export const articleModule = linkableModule("article", [Post])
/** A module whose post model became `article`: a model rename. */
export const magazineModule = linkableModule("blog", [Article])

type Def = [LinkSideInput, LinkSideInput, DefineLinkOptions?]

export function tableLinks(
  defs: Def[],
  modules: LinkableModule[] = [productModule, blogModule],
): ResolvedTableLink[] {
  return resolveLinks(
    defs.map(([left, right, options], i) => ({
      handle: defineLink(left, right, options),
      file: `src/links/l${i}.ts`,
    })),
    modules,
  ) as ResolvedTableLink[]
}

/** What the registry holds after a sync of `link`. */
export function rowOf(link: ResolvedTableLink): RegistryRow {
  return { table: link.table, descriptor: link.descriptor, definition: recordedLink(link) }
}

/** A table as introspection would read it back after sync created it. */
export function tableAsRead(schema: TableSchema, name = schema.name): IntrospectedTable {
  return {
    ...schema,
    name,
    primaryKeyName: primaryKeyName(name),
    indexes: schema.indexes.map((index) => ({ ...index, constraint: false })),
  }
}

export function catalogOf(registry: RegistryRow[], tables: IntrospectedTable[]): LinkCatalog {
  return {
    registry,
    schema: { schema: "public", tables: new Map(tables.map((t) => [t.name, t])) },
    foreignTables: [],
  }
}

/** The catalog of a database where `links` were synced as they are. */
export function syncedCatalog(links: ResolvedTableLink[]): LinkCatalog {
  return catalogOf(
    links.map(rowOf),
    links.map((link) => tableAsRead(linkTableSchema(link))),
  )
}
