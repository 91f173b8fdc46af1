import type { DmlModel } from "./model.ts"
import { columnTypes } from "./property.ts"
import { type ResolvedRelationship, resolveRelationships } from "./resolve-relationships.ts"
import { sqlLiteral } from "./sql-literal.ts"
import type { ColumnSchema, IndexSchema, TableSchema } from "./table-schema.ts"

/** Soft-deleted rows must not block a new row with the same unique value. */
const LIVE_ROWS = "deleted_at is null"

function scalarColumns(model: DmlModel): ColumnSchema[] {
  return [...model.properties].map(([name, property]) => ({
    name,
    type: columnTypes[property.type],
    nullable: property.isNullable && !property.isPrimaryKey,
    default:
      property.hasDefault && typeof property.defaultValue !== "function"
        ? sqlLiteral(property.defaultValue, columnTypes[property.type])
        : undefined,
  }))
}

function timestampColumns(): ColumnSchema[] {
  return [
    { name: "created_at", type: "timestamptz", nullable: false, default: "now()" },
    { name: "updated_at", type: "timestamptz", nullable: false, default: "now()" },
    { name: "deleted_at", type: "timestamptz", nullable: true },
  ]
}

function modelTable(model: DmlModel, relationships: ResolvedRelationship[]): TableSchema {
  const table = model.tableName
  const owned = relationships.filter((r) => r.source === model && r.ownsForeignKey)
  const columns = [
    ...scalarColumns(model),
    ...owned.map((r) => ({ name: r.sourceColumn, type: "text", nullable: r.nullable })),
    ...timestampColumns(),
  ]
  const indexes: IndexSchema[] = []
  for (const [name, property] of model.properties) {
    if (property.isUnique) {
      indexes.push({
        name: property.uniqueName ?? `IDX_${table}_${name}_unique`,
        columns: [name],
        unique: true,
        where: LIVE_ROWS,
      })
    } else if (property.isIndexed) {
      indexes.push({ name: property.indexName ?? `IDX_${table}_${name}`, columns: [name], unique: false })
    }
  }
  for (const r of owned) {
    // An owning hasOne is one-to-one: the same target may be referenced by one live row only.
    const unique = r.type === "hasOne"
    indexes.push({
      name: `IDX_${table}_${r.sourceColumn}`,
      columns: [r.sourceColumn],
      unique,
      where: unique ? LIVE_ROWS : undefined,
    })
  }
  indexes.push({ name: `IDX_${table}_deleted_at`, columns: ["deleted_at"], unique: false })
  return {
    name: table,
    columns,
    primaryKey: [...model.primaryKeys],
    indexes,
    foreignKeys: owned.map((r) => ({
      name: `${table}_${r.sourceColumn}_foreign`,
      columns: [r.sourceColumn],
      referencedTable: r.target.tableName,
      referencedColumns: [r.targetColumn],
      onDelete: r.nullable ? "set null" : "cascade",
    })),
    checks: [...model.properties]
      .filter(([, p]) => p.type === "enum")
      .map(([name, p]) => ({
        name: `${table}_${name}_check`,
        expression: `${JSON.stringify(name)} in (${(p.options.values ?? []).map((v) => sqlLiteral(v, "text")).join(", ")})`,
      })),
  }
}

function pivotTables(relationships: ResolvedRelationship[]): TableSchema[] {
  const byName = new Map<string, TableSchema>()
  for (const r of relationships) {
    // A pivot entity is one of the module's models: its table is built with the others.
    if (!r.pivot || r.pivot.entity || byName.has(r.pivot.table)) continue
    const { table, sourceColumn, targetColumn } = r.pivot
    byName.set(table, {
      name: table,
      columns: [
        { name: sourceColumn, type: "text", nullable: false },
        { name: targetColumn, type: "text", nullable: false },
      ],
      primaryKey: [sourceColumn, targetColumn],
      indexes: [{ name: `IDX_${table}_${targetColumn}`, columns: [targetColumn], unique: false }],
      foreignKeys: [
        {
          name: `${table}_${sourceColumn}_foreign`,
          columns: [sourceColumn],
          referencedTable: r.source.tableName,
          referencedColumns: [r.sourceColumn],
          onDelete: "cascade",
        },
        {
          name: `${table}_${targetColumn}_foreign`,
          columns: [targetColumn],
          referencedTable: r.target.tableName,
          referencedColumns: [r.targetColumn],
          onDelete: "cascade",
        },
      ],
      checks: [],
    })
  }
  return [...byName.values()]
}

/** Every table a module's models need: one per model plus manyToMany pivots, in creation order. */
export function moduleTables(models: readonly DmlModel[]): TableSchema[] {
  const relationships = resolveRelationships(models)
  return [...models.map((m) => modelTable(m, relationships)), ...pivotTables(relationships)]
}
