import type { Edge, Entity } from "../../schema/index.ts"
import type { FilterPlan } from "./filter-plan.ts"
import type { OrderPlan } from "./plan-node.ts"

/**
 * A query run before a fragment to turn a filter, or a sort, on another database into a list of
 * keys. Lookups chain when the pivot lives on a third database: target keys first, then pivot
 * source keys. A sort lookup (`rank` on its first link) returns each key with its rank.
 */
export type KeyLookup = TargetLookup | PivotLookup

/**
 * Distinct keys of the edge's target rows matching `filter` (every live row without one): the
 * target column, or, when the pivot lives on the target's database (`joinPivot`), the pivot's
 * source column.
 */
export interface TargetLookup {
  kind: "target"
  id: number
  database: string
  edge: Edge
  target: Entity
  filter?: FilterPlan
  joinPivot: boolean
  rank?: RankBy
}

/** Pivot source keys whose target key is among the keys `from` returned (with their ranks, if any). */
export interface PivotLookup {
  kind: "pivot"
  id: number
  database: string
  edge: Edge
  from: KeyLookup
  pick?: RankPick
}

/**
 * A sort lookup ranks the targets by `by` (a value on the lookup's database, which may itself be
 * a rank from a further lookup): `dense_rank()` in ascending order, so equal values share a rank
 * and the caller's next sort key decides between them. Rows whose value is null get no rank, which
 * the caller's statement reads as null, like a missing link.
 */
export interface RankBy {
  by: OrderPlan
  pick?: RankPick
}

/**
 * Which rank a key keeps when it reaches several records (a link while dismissed rows show, a
 * read-only link to a non-unique column): the smallest when sorting ascending, the largest when
 * descending, so a record sorts by its first value in the requested direction.
 */
export type RankPick = "min" | "max"

/** A lookup returns ranks beside its keys when its chain starts with a sort lookup. */
export function isRanked(lookup: KeyLookup): boolean {
  return lookup.kind === "target" ? lookup.rank !== undefined : isRanked(lookup.from)
}
