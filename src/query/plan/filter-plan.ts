import type { Edge, Entity } from "../../schema/index.ts"
import type { FilterCompare } from "../parse/filter-node.ts"
import type { KeyLookup } from "./key-lookup.ts"

/**
 * A filter tree ready to compile on one database. Relations on the same database stay `exists`;
 * relations to another database became `in-keys`/`pivot-in-keys` over keys fetched beforehand.
 */
export type FilterPlan =
  | FilterPlanAnd
  | FilterPlanOr
  | FilterCompare
  | FilterExists
  | FilterInKeys
  | FilterPivotInKeys

export interface FilterPlanAnd {
  kind: "and"
  items: readonly FilterPlan[]
}

export interface FilterPlanOr {
  kind: "or"
  items: readonly FilterPlan[]
}

/** A correlated `EXISTS` over the edge's target (and pivot), all on the parent's database. */
export interface FilterExists {
  kind: "exists"
  edge: Edge
  target: Entity
  filter: FilterPlan
}

/** `parent.<edge.sourceColumn> = ANY(<keys the lookup returned>)`. */
export interface FilterInKeys {
  kind: "in-keys"
  edge: Edge
  lookup: KeyLookup
}

/** The pivot lives with the parent: `EXISTS (pivot row for the parent whose target key is in keys)`. */
export interface FilterPivotInKeys {
  kind: "pivot-in-keys"
  edge: Edge
  lookup: KeyLookup
}
