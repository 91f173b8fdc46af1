import type { DmlModel, ResolvedRelationship } from "../dml/index.ts"
import type { EntityField } from "./entity.ts"

/**
 * The scalar fields a model's rows carry: its properties, the foreign key columns its belongsTo
 * relationships add, and the implicit timestamps. Services and the query engine agree on this list.
 */
export function modelFields(
  model: DmlModel,
  relationships: readonly ResolvedRelationship[],
): Map<string, EntityField> {
  const fields = new Map<string, EntityField>()
  for (const [name, property] of model.properties) {
    fields.set(name, {
      name,
      column: name,
      type: property.type,
      nullable: property.isNullable && !property.isPrimaryKey,
      enumValues: property.options.values,
    })
  }
  for (const r of relationships) {
    if (r.source === model && r.ownsForeignKey) {
      fields.set(r.sourceColumn, {
        name: r.sourceColumn,
        column: r.sourceColumn,
        type: "id",
        nullable: r.nullable,
      })
    }
  }
  fields.set("created_at", { name: "created_at", column: "created_at", type: "dateTime", nullable: false })
  fields.set("updated_at", { name: "updated_at", column: "updated_at", type: "dateTime", nullable: false })
  fields.set("deleted_at", { name: "deleted_at", column: "deleted_at", type: "dateTime", nullable: true })
  return fields
}
