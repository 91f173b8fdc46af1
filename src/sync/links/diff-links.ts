import { linkTableSchema } from "../../link/link-table.ts"
import type { ResolvedTableLink } from "../../link/resolved-link.ts"
import type { IntrospectedTable } from "../catalog/introspect.ts"
import { type RecordedLink, type RegistryRow, recordedLink } from "../catalog/link-registry.ts"
import type { LinkCatalog } from "../catalog/read-link-catalog.ts"
import { diffTableChanges } from "../tables/diff-tables.ts"
import type { TableChange } from "../tables/table-change.ts"
import type { CountSource, LinkNode } from "./link-node.ts"
import { sameDescriptor } from "./rename-question.ts"

/**
 * The pure diff of link sync: the definitions against the registry and the tables as read, with
 * the renames already settled (`resolve-renames.ts`), into one typed node per link (create,
 * update, rename, noop) and one per recorded link no definition claims (delete). Reads nothing
 * and asks nobody: the same inputs always give the same nodes.
 */
export function diffLinks(
  links: readonly ResolvedTableLink[],
  catalog: LinkCatalog,
  renames: ReadonlyMap<string, RegistryRow> = new Map(),
): LinkNode[] {
  const recorded = new Map(catalog.registry.map((row) => [row.table, row]))
  const claimed = new Set([
    ...links.map((link) => link.table),
    ...[...renames.values()].map((row) => row.table),
  ])
  const nodes = links.map((link): LinkNode => {
    const row = recorded.get(link.table)
    if (row) return existingLink(link, row, catalog)
    const renamed = renames.get(link.table)
    if (renamed) {
      const { changes, source } = evolve(
        link,
        catalog.schema.tables.get(renamed.table)!,
        renamed.definition,
        catalog,
      )
      return { kind: "rename", link, previous: renamed, changes, source }
    }
    return createLink(link, catalog)
  })
  for (const row of catalog.registry) {
    if (claimed.has(row.table)) continue
    const exists = catalog.schema.tables.has(row.table)
    nodes.push({
      kind: "delete",
      row,
      ...(exists ? { change: { kind: "drop-table", table: row.table } } : {}),
    })
  }
  return nodes
}

function existingLink(link: ResolvedTableLink, row: RegistryRow, catalog: LinkCatalog): LinkNode {
  const table = catalog.schema.tables.get(link.table)
  if (!table) return { ...createLink(link, catalog), tableMissing: true }
  const { changes, source } = evolve(link, table, row.definition, catalog)
  if (!sameDescriptor(row.descriptor, link.descriptor)) {
    return { kind: "rename", link, previous: row, changes, source }
  }
  if (changes.length === 0 && sameJson(row.definition, recordedLink(link))) return { kind: "noop", link }
  return { kind: "update", link, recorded: row, changes, source }
}

function createLink(link: ResolvedTableLink, catalog: LinkCatalog): LinkNode & { kind: "create" } {
  const existing = catalog.schema.tables.get(link.table)
  if (existing) {
    // A table of that name that the registry does not know: adopt it, changing only what differs.
    const { changes, source } = evolve(link, existing, undefined, catalog)
    return { kind: "create", link, changes, adopting: source }
  }
  return { kind: "create", link, changes: diffTableChanges([linkTableSchema(link)], catalog.schema) }
}

/**
 * The changes that turn `source` (the table as it is) into the link's table: rename the table if
 * its name changed, rename key columns whose model was renamed (rows kept), then whatever the
 * table diff finds on the table as it will be after those renames.
 */
function evolve(
  link: ResolvedTableLink,
  source: IntrospectedTable,
  previous: RecordedLink | undefined,
  catalog: LinkCatalog,
): { changes: TableChange[]; source: CountSource } {
  const renames = keyRenames(previous, link, source)
  const changes: TableChange[] = []
  if (source.name !== link.table) changes.push({ kind: "rename-table", table: link.table, from: source.name })
  for (const [from, to] of renames) changes.push({ kind: "rename-column", table: link.table, from, to })
  const after = renamedTable(source, link.table, renames)
  const tables = new Map([[link.table, after]])
  changes.push(...diffTableChanges([linkTableSchema(link)], { schema: catalog.schema.schema, tables }))
  const columns = new Map([...renames].map(([from, to]) => [to, from]))
  return { changes, source: { table: source.name, columns } }
}

/** Key columns named after a model that was renamed (`post_id` → `article_id`), when the table still has the old one. */
function keyRenames(
  previous: RecordedLink | undefined,
  link: ResolvedTableLink,
  table: IntrospectedTable,
): Map<string, string> {
  const renames = new Map<string, string>()
  if (!previous) return renames
  const has = (name: string) => table.columns.some((column) => column.name === name)
  for (const side of ["left", "right"] as const) {
    const from = previous[side].key
    const to = link[side].key
    if (from !== to && has(from) && !has(to)) renames.set(from, to)
  }
  return renames
}

/** The table as it will be once renamed: what the diff compares the desired shape with. */
function renamedTable(
  table: IntrospectedTable,
  name: string,
  renames: ReadonlyMap<string, string>,
): IntrospectedTable {
  const rename = (column: string) => renames.get(column) ?? column
  return {
    ...table,
    name,
    columns: table.columns.map((column) => ({ ...column, name: rename(column.name) })),
    primaryKey: table.primaryKey.map(rename),
    indexes: table.indexes.map((index) => ({ ...index, columns: index.columns.map(rename) })),
  }
}

/** jsonb reorders object keys, so definitions are compared with sorted keys. */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b))
}
