import type { DmlModel, ResolvedRelationship } from "../dml/index.ts"
import { dateFieldsOf, type EntityField, modelFields } from "../schema/index.ts"

/** What the generated methods of one model need, computed once when the service class is made. */
export interface ModelRuntime {
  model: DmlModel
  fields: ReadonlyMap<string, EntityField>
  dateFields: string[]
  /** Single-column primary key property; composite keys are not linkable and not supported here. */
  primaryKey: string
}

export function modelRuntime(model: DmlModel, relationships: readonly ResolvedRelationship[]): ModelRuntime {
  const fields = modelFields(model, relationships)
  return { model, fields, dateFields: dateFieldsOf(fields.values()), primaryKey: model.primaryKeys[0] }
}
