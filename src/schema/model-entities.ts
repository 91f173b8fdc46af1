import type { DmlModel } from "../dml/index.ts"
import { resolveRelationships } from "../dml/index.ts"
import type { Edge } from "./edge.ts"
import type { Entity } from "./entity.ts"
import { modelFields } from "./model-fields.ts"

/** A module as the schema graph needs it: its models and the database it lives on. */
export interface PlacedModule {
  name: string
  models: readonly DmlModel[]
  database: string
}

/** One entity per data model, with an edge per in-module relationship. */
export function modelEntities(module: PlacedModule): Entity[] {
  const relationships = resolveRelationships(module.models)
  return module.models.map((model) => {
    const edges = new Map<string, Edge>()
    for (const r of relationships) {
      if (r.source !== model) continue
      edges.set(r.name, {
        name: r.name,
        kind: "relation",
        source: model.snakeName,
        target: r.target.snakeName,
        isList: r.isList,
        sourceColumn: r.sourceColumn,
        targetColumn: r.targetColumn,
        through: r.pivot && {
          table: r.pivot.table,
          database: module.database,
          sourceColumn: r.pivot.sourceColumn,
          targetColumn: r.pivot.targetColumn,
          softDelete: r.pivot.entity !== undefined,
        },
      })
    }
    return {
      name: model.snakeName,
      module: module.name,
      database: module.database,
      table: model.tableName,
      primaryKey: [...model.primaryKeys],
      fields: modelFields(model, relationships),
      edges,
      softDelete: true,
      kind: "model",
    }
  })
}
