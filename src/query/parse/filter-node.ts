import type { Edge, Entity, EntityField } from "../../schema/index.ts"
import type { Operator } from "./operators.ts"

/** A validated filter tree. The entity each node applies to is the level it hangs from. */
export type FilterNode = FilterAnd | FilterOr | FilterCompare | FilterRelated

export interface FilterAnd {
  kind: "and"
  items: readonly FilterNode[]
}

/** An empty `$or` matches nothing, as a disjunction of no alternatives. */
export interface FilterOr {
  kind: "or"
  items: readonly FilterNode[]
}

export interface FilterCompare {
  kind: "compare"
  field: EntityField
  op: Operator
  /** Already checked against the field type; arrays for `$in`/`$nin`, `null` only for `$eq`/`$ne`. */
  value: unknown
}

/** Keeps the rows that have at least one related record (through `edge`) matching `filter`. */
export interface FilterRelated {
  kind: "related"
  edge: Edge
  target: Entity
  filter: FilterNode
}
