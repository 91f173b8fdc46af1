import { primaryKeyName } from "../../dml/identifiers.ts"
import type { TableSchema } from "../../dml/table-schema.ts"
import type { IntrospectedSchema, IntrospectedTable } from "../catalog/introspect.ts"
import { diffTables } from "../tables/diff-tables.ts"
import { renderChange, type SchemaChange } from "../tables/render-change.ts"

/** A table as found, asked for again: what a down script restores. */
function asSchema(table: IntrospectedTable): TableSchema {
  const { name, columns, primaryKey, indexes, foreignKeys, checks } = table
  return {
    name,
    columns,
    primaryKey,
    indexes: indexes.map(({ constraint: _, ...index }) => index),
    foreignKeys,
    checks,
  }
}

/** A table as an up script leaves it, in the terms introspection uses. */
function asIntrospected(table: TableSchema): IntrospectedTable {
  return {
    ...table,
    ...(table.primaryKey.length ? { primaryKeyName: primaryKeyName(table.name) } : {}),
    indexes: table.indexes.map((index) => ({ ...index, constraint: false })),
  }
}

/**
 * The statements that undo an up script: the same diff run the other way (from the tables as the
 * up script leaves them back to the tables as they are now), then the tables the up script
 * created are dropped, newest first. A dropped column comes back empty: a down script restores
 * the shape, never lost data.
 */
export function downChanges(desired: readonly TableSchema[], actual: IntrospectedSchema): SchemaChange[] {
  const existing = desired.filter((table) => actual.tables.has(table.name))
  const created = desired.filter((table) => !actual.tables.has(table.name))
  const after = { schema: actual.schema, tables: new Map(existing.map((t) => [t.name, asIntrospected(t)])) }
  const restore = diffTables(
    existing.map((t) => asSchema(actual.tables.get(t.name)!)),
    after,
  )
  // `cascade`: foreign keys between the created tables go with them, whatever their order.
  const drops = created
    .reverse()
    .map((table) => renderChange({ kind: "drop-table", table: table.name, cascade: true }))
  return [...restore, ...drops]
}
