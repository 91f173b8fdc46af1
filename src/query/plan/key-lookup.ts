import type { Edge, Entity } from "../../schema/index.ts"
import type { FilterPlan } from "./filter-plan.ts"

/**
 * A query run before a fragment to turn a filter on another database into a list of keys. Lookups
 * chain when the pivot lives on a third database: target keys first, then pivot source keys.
 */
export type KeyLookup = TargetLookup | PivotLookup

/**
 * Distinct keys of the edge's target rows matching `filter`: the target column, or, when the pivot
 * lives on the target's database (`joinPivot`), the pivot's source column.
 */
export interface TargetLookup {
  kind: "target"
  id: number
  database: string
  edge: Edge
  target: Entity
  filter: FilterPlan
  joinPivot: boolean
}

/** Pivot source keys whose target key is among the keys `from` returned. */
export interface PivotLookup {
  kind: "pivot"
  id: number
  database: string
  edge: Edge
  from: KeyLookup
}
