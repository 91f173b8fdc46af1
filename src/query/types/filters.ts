import type { GraphShape } from "./graph-shape.ts"

/** `$eq`…`$ilike` as `query/parse/operators.ts` allows them per field type. */
type Equality<T> = { $eq?: T | null; $ne?: T | null; $in?: readonly T[]; $nin?: readonly T[] }
type Ordered<T> = Equality<T> & { $gt?: T; $gte?: T; $lt?: T; $lte?: T }
type Textual<T> = Ordered<T> & { $like?: string; $ilike?: string }

/** The operators of one field, from its record type. */
export type FieldOperators<T> = [NonNullable<T>] extends [string]
  ? Textual<NonNullable<T>>
  : [NonNullable<T>] extends [number]
    ? Ordered<number>
    : [NonNullable<T>] extends [Date]
      ? Ordered<Date | string>
      : [NonNullable<T>] extends [boolean]
        ? Equality<boolean>
        : [NonNullable<T>] extends [readonly unknown[]]
          ? { $eq?: NonNullable<T> | null; $ne?: NonNullable<T> | null }
          : { $eq?: NonNullable<T> | null; $ne?: NonNullable<T> | null; $contains?: NonNullable<T> }

/**
 * One field's filter: a value (equality), null (IS NULL), a list (IN; for an array field, the
 * array itself), or an operator object. A json field given an object means "contains".
 */
export type FieldFilter<T> =
  | (NonNullable<T> extends Date ? Date | string : NonNullable<T>)
  | null
  | ([NonNullable<T>] extends [readonly unknown[]] ? never : readonly NonNullable<T>[])
  | FieldOperators<T>

/**
 * `filters` of `query.graph` and of a service's `list*`: fields with their operators, relations
 * and links holding a filter on their target, `$and`/`$or` lists. Unknown keys are errors.
 */
export type GraphFilters<G extends GraphShape, E extends PropertyKey> = {
  [K in keyof G[E & keyof G]["fields"]]?: FieldFilter<G[E & keyof G]["fields"][K]>
} & {
  [R in keyof G[E & keyof G]["relations"]]?: GraphFilters<G, G[E & keyof G]["relations"][R]["target"]>
} & {
  $and?: readonly GraphFilters<G, E>[]
  $or?: readonly GraphFilters<G, E>[]
}
