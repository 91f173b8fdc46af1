import type { DmlModel } from "../../dml/model.ts"
import { model } from "../../dml/model-builder.ts"
import type { Property } from "../../dml/property.ts"
import type { Relationship } from "../../dml/relationship.ts"
import type { PulledField, PulledModule } from "./pulled-module.ts"

/**
 * The same module as live models, built with the builders the rendered files call: what the
 * first migration is generated from, without loading the files just written.
 */
export function buildModels(module: PulledModule): DmlModel[] {
  const built = new Map<string, DmlModel>()
  for (const pulled of module.models) {
    const schema: Record<string, Property | Relationship> = {}
    for (const field of pulled.fields) schema[field.name] = property(field)
    for (const relation of pulled.relations) {
      const target = () => built.get(relation.target)!
      const made = model[relation.kind](target, relation.options)
      schema[relation.name] = relation.nullable ? made.nullable() : made
    }
    const names = pulled.table === pulled.name ? pulled.name : { name: pulled.name, tableName: pulled.table }
    built.set(pulled.name, model.define(names, schema))
  }
  return [...built.values()]
}

function property(field: PulledField): Property {
  let built = field.type === "enum" ? model.enum(field.enumValues ?? []) : model[field.type]()
  if (field.primaryKey) built = built.primaryKey()
  else if (field.nullable) built = built.nullable()
  if (field.default !== undefined) built = built.default(field.default)
  if (field.unique) built = built.unique(field.unique)
  if (field.index) built = built.index(field.index)
  return built
}
