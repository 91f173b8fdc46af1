/**
 * Record and input types computed from a model's builders, with no generation step:
 * `InferTypeOf<typeof Post>` is what a Post record holds. Types only; nothing here runs.
 */
import type { DmlModel, ModelSchema } from "./model.ts"
import type { Property } from "./property.ts"
import type { Relationship } from "./relationship.ts"
import type { CamelCase, PascalCase, Plural, SnakeCase } from "./type-names.ts"

/** Flattens an intersection so the editor shows one object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {}

export type SchemaOf<M> = M extends DmlModel<string, infer Schema> ? Schema : never
export type NameOf<M> = M extends DmlModel<infer Name, ModelSchema> ? Name : never

/** `productVariant` */
export type ModelCamelName<M> = CamelCase<NameOf<M>>
/** `ProductVariant`: generated method names use it (`retrieveProductVariant`). */
export type ModelEntityName<M> = PascalCase<NameOf<M>>
/** `product_variant`: the query entity and the prefix of the linkable key. */
export type ModelSnakeName<M> = SnakeCase<CamelCase<NameOf<M>>>

type PropertyOutput<P> = P extends Property<infer Output, unknown, boolean> ? Output : never
type PropertyInput<P> = P extends Property<unknown, infer Input, boolean> ? Input : never

type PropertyKeys<S> = {
  [K in keyof S]: S[K] extends Property<unknown, unknown, boolean> ? K : never
}[keyof S]
type RelationshipKeys<S> = {
  [K in keyof S]: S[K] extends Relationship<infer _Kind, unknown, boolean> ? K : never
}[keyof S]

/** The model a relationship's thunk returns. */
export type RelationshipTarget<R> =
  R extends Relationship<infer _Kind, infer Target, boolean>
    ? Target extends () => infer M
      ? M
      : never
    : never

/** belongsTo, and hasOne with `foreignKey: true`, store `<name>_id` on this model. */
type OwnsForeignKey<R> =
  R extends Relationship<"belongsTo", unknown, boolean>
    ? true
    : R extends Relationship<"hasOne", unknown, boolean, infer Options>
      ? Options extends { foreignKey: true }
        ? true
        : false
      : false

type ForeignKeys<S> = {
  [K in RelationshipKeys<S> as OwnsForeignKey<S[K]> extends true
    ? `${K & string}_id`
    : never]: S[K] extends Relationship<infer _Kind, unknown, true> ? string | null : string
}

type NullableForeignKeys<S> = {
  [K in keyof ForeignKeys<S>]: null extends ForeignKeys<S>[K] ? K : never
}[keyof ForeignKeys<S>]

/** The columns modlink manages on every model. */
export interface Timestamps {
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/**
 * The record type of a model: its properties (enum → union of its values, dateTime → Date,
 * nullable → `| null`), `<name>_id` for each belongsTo, and the timestamps.
 */
export type InferTypeOf<M> = Simplify<
  { [K in PropertyKeys<SchemaOf<M>>]: PropertyOutput<SchemaOf<M>[K]> } & ForeignKeys<SchemaOf<M>> & Timestamps
>

type OptionalPropertyKeys<S> = {
  [K in PropertyKeys<S>]: S[K] extends Property<unknown, unknown, true> ? K : never
}[PropertyKeys<S>]

/**
 * What `create<Models>` accepts: every property and foreign key, with the nullable, defaulted and
 * generated ones (ids) optional. Timestamps are modlink's.
 */
export type CreateInput<M> = Simplify<
  {
    [K in Exclude<PropertyKeys<SchemaOf<M>>, OptionalPropertyKeys<SchemaOf<M>>>]: PropertyInput<
      SchemaOf<M>[K]
    >
  } & {
    [K in OptionalPropertyKeys<SchemaOf<M>>]?: PropertyInput<SchemaOf<M>[K]>
  } & { [K in Exclude<keyof ForeignKeys<SchemaOf<M>>, NullableForeignKeys<SchemaOf<M>>>]: string } & {
    [K in NullableForeignKeys<SchemaOf<M>>]?: string | null
  }
>

/** Primary key property names: those marked `.primaryKey()`, else the `model.id()` one. */
export type PrimaryKeyOf<M> =
  PropertyKeys<SchemaOf<M>> extends infer K
    ? K extends keyof SchemaOf<M>
      ? SchemaOf<M>[K] extends Property<unknown, unknown, boolean>
        ? K
        : never
      : never
    : never

/** What `update<Models>` accepts per record: the primary key, and any writable field. */
export type UpdateInput<M> = Simplify<{ [K in IdKey<M>]: string } & Partial<Omit<CreateInput<M>, IdKey<M>>>>

/**
 * The primary key a service addresses records by. Models here have one text primary key (an
 * `id()` property or a text marked `.primaryKey()`); which one is decided at run time, so the type
 * takes `id` when the model has it, else every key of the record that is a string.
 */
export type IdKey<M> =
  "id" extends PropertyKeys<SchemaOf<M>> ? "id" : Extract<PropertyKeys<SchemaOf<M>>, string>

/** The relationship fields of a model with their target model and list-ness. */
export type RelationsOf<M> = {
  [K in RelationshipKeys<SchemaOf<M>> & string]: {
    model: RelationshipTarget<SchemaOf<M>[K]>
    list: SchemaOf<M>[K] extends Relationship<"hasMany" | "manyToMany", unknown, boolean> ? true : false
  }
}

/** `post_id`: the key a link table uses for a model. */
export type LinkableKeyOf<M> = `${ModelSnakeName<M>}_${IdKey<M> & string}`

/** `Posts` in `createPosts`. */
export type PluralEntityName<M> = Plural<ModelEntityName<M>>
