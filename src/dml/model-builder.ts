import type { DmlModel as Model } from "./model.ts"
import { DmlModel, type ModelNameConfig, type ModelSchema } from "./model.ts"
import { Property } from "./property.ts"
import { Relationship, type RelationshipOptions } from "./relationship.ts"

/** The `model` object users write data models with, shaped like Medusa's DML. */
export const model = {
  define: (name: ModelNameConfig, schema: ModelSchema) => new DmlModel(name, schema),
  /** Text id generated as `<prefix>_<ULID>` (or a bare ULID) when a record is created without one. */
  id: (options: { prefix?: string } = {}) => new Property("id", options),
  text: () => new Property("text"),
  number: () => new Property("number"),
  bigNumber: () => new Property("bigNumber"),
  float: () => new Property("float"),
  boolean: () => new Property("boolean"),
  dateTime: () => new Property("dateTime"),
  json: () => new Property("json"),
  enum: (values: readonly string[]) => new Property("enum", { values: [...values] }),
  array: () => new Property("array"),
  hasOne: (target: () => Model, options?: RelationshipOptions) => new Relationship("hasOne", target, options),
  hasMany: (target: () => Model, options?: RelationshipOptions) =>
    new Relationship("hasMany", target, options),
  belongsTo: (target: () => Model, options?: RelationshipOptions) =>
    new Relationship("belongsTo", target, options),
  manyToMany: (target: () => Model, options?: RelationshipOptions) =>
    new Relationship("manyToMany", target, options),
}
