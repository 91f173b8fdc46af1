import type { Edge, Entity } from "../../schema/index.ts"

/** The edge can be traversed inside a statement on `database`: target and pivot both live there. */
export function isLocal(edge: Edge, target: Entity, database: string): boolean {
  return target.database === database && (!edge.through || edge.through.database === database)
}

/**
 * At most one target row per parent, so a LEFT JOIN cannot multiply parent rows: the edge matches
 * the target's whole primary key, and either has no pivot or a link pivot whose cardinality the
 * database enforces with partial unique indexes over live rows (so only while deleted rows stay
 * hidden).
 */
export function isUniqueSingle(edge: Edge, target: Entity, withDeleted: boolean): boolean {
  if (edge.isList) return false
  if (target.primaryKey.length !== 1 || target.primaryKey[0] !== columnField(target, edge.targetColumn))
    return false
  if (!edge.through) return true
  return edge.through.link !== undefined && edge.through.softDelete && !withDeleted
}

/** The field name of a column (they differ when a model maps a field to another column name). */
function columnField(entity: Entity, column: string): string | undefined {
  for (const field of entity.fields.values()) if (field.column === column) return field.name
  return undefined
}
