import { DmlModel, type ModelNameConfig, type ModelSchema } from "./model.ts"
import { Property } from "./property.ts"
import { Relationship, type RelationshipKind, type RelationshipOptions } from "./relationship.ts"

/** A value a `dateTime` property accepts: a Date or an ISO string. */
type DateInput = Date | string

function define<const Name extends string, const Schema extends ModelSchema>(
  name: Name,
  schema: Schema,
): DmlModel<Name, Schema>
function define<const Name extends string, const Schema extends ModelSchema>(
  config: { name: Name; tableName: string },
  schema: Schema,
): DmlModel<Name, Schema>
function define<const Table extends string, const Schema extends ModelSchema>(
  config: { tableName: Table },
  schema: Schema,
): DmlModel<Table, Schema>
/** Models built from data (`db:pull`): names and builders known only at run time. */
function define(name: ModelNameConfig, schema: ModelSchema): DmlModel
function define(name: ModelNameConfig, schema: ModelSchema): DmlModel {
  return new DmlModel(name, schema)
}

/**
 * Relationship builders take the target thunk as an unconstrained type parameter: models that
 * point at each other (post → comments, comment → post) are then inferred without a cycle.
 */
const relationship =
  <Kind extends RelationshipKind>(kind: Kind) =>
  <Target, const Options extends RelationshipOptions = RelationshipOptions>(
    target: Target,
    options?: Options,
  ) =>
    new Relationship(kind, target as () => DmlModel, options) as Relationship<Kind, Target, false, Options>

/** The `model` object users write data models with, shaped like Medusa's DML. */
export const model = {
  define,
  /** Text id generated as `<prefix>_<ULID>` (or a bare ULID) when a record is created without one. */
  id: (options: { prefix?: string } = {}) => new Property("id", options) as Property<string, string, true>,
  text: () => new Property("text") as Property<string, string, false>,
  number: () => new Property("number") as Property<number, number, false>,
  /** Numeric: read as a number, written as a number or a numeric string. */
  bigNumber: () => new Property("bigNumber") as Property<number, number | string, false>,
  float: () => new Property("float") as Property<number, number, false>,
  boolean: () => new Property("boolean") as Property<boolean, boolean, false>,
  dateTime: () => new Property("dateTime") as Property<Date, DateInput, false>,
  json: () => new Property("json") as Property<Record<string, unknown>, Record<string, unknown>, false>,
  enum: <const Value extends string>(values: readonly Value[]) =>
    new Property("enum", { values: [...values] }) as Property<Value, Value, false>,
  array: () => new Property("array") as Property<string[], readonly (string | number)[], false>,
  hasOne: relationship("hasOne"),
  hasMany: relationship("hasMany"),
  belongsTo: relationship("belongsTo"),
  manyToMany: relationship("manyToMany"),
}
