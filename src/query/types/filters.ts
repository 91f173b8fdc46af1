import type { EntityShape, GraphShape } from "./graph-shape.ts"

/** `$eq`…`$ilike` as `query/parse/operators.ts` allows them per field type. */
type Equality<T> = { $eq?: T | null; $ne?: T | null; $in?: readonly T[]; $nin?: readonly T[] }
type Ordered<T> = Equality<T> & { $gt?: T; $gte?: T; $lt?: T; $lte?: T }
type Textual<T> = Ordered<T> & { $like?: string; $ilike?: string }

/** The operators of one field, from its record type without null (`V`). */
export type FieldOperators<V> = [V] extends [string]
  ? Textual<V>
  : [V] extends [number]
    ? Ordered<number>
    : [V] extends [Date]
      ? Ordered<Date | string>
      : [V] extends [boolean]
        ? Equality<boolean>
        : [V] extends [readonly unknown[]]
          ? { $eq?: V | null; $ne?: V | null }
          : { $eq?: V | null; $ne?: V | null; $contains?: V }

/** A json document to contain: keys starting with `$` are operators, so a document has none. */
type Document<V> = V & { [operator: `$${string}`]: never }

/**
 * One field's filter, from its record type without null (`V`): a value (equality), null (IS NULL),
 * a list (IN; for an array field, the array itself), or an operator object. A json field given an
 * object means "contains". `NonNullable` is taken once, by the caller: this type is instantiated
 * for every field of every entity a filter reaches.
 */
export type ValueFilter<V> =
  | (V extends Date ? Date | string : Record<string, unknown> extends V ? Document<V> : V)
  | null
  | ([V] extends [readonly unknown[]] ? never : readonly V[])
  | FieldOperators<V>

/** One field's filter, from its record type. */
export type FieldFilter<T> = ValueFilter<NonNullable<T>>

/** The filters of one entity (`Entity` is `G[E]`, looked up once). */
type EntityFilters<G extends GraphShape, Entity extends EntityShape> = {
  [K in keyof Entity["fields"]]?: ValueFilter<NonNullable<Entity["fields"][K]>>
} & {
  [R in keyof Entity["relations"]]?: GraphFilters<G, Entity["relations"][R]["target"]>
} & {
  $and?: readonly EntityFilters<G, Entity>[]
  $or?: readonly EntityFilters<G, Entity>[]
}

/**
 * `filters` of `query.graph` and of a service's `list*`: fields with their operators, relations
 * and links holding a filter on their target, `$and`/`$or` lists. Unknown keys are errors.
 */
export type GraphFilters<G extends GraphShape, E extends PropertyKey> = EntityFilters<G, G[E & keyof G]>
