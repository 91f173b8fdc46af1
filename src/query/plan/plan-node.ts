import type { Edge, Entity, EntityField } from "../../schema/index.ts"
import type { EdgeStrategy } from "../query-input.ts"
import type { FilterPlan } from "./filter-plan.ts"
import type { ChildFragment } from "./fragment.ts"
import type { KeyLookup, RankPick } from "./key-lookup.ts"

/** One level of a fragment: what to select from `entity`, how to filter, sort and page it. */
export interface PlanNode {
  entity: Entity
  path: string
  fields: readonly EntityField[]
  filter?: FilterPlan
  order: readonly OrderPlan[]
  skip?: number
  take?: number
  edges: readonly PlanEdge[]
}

export type PlanEdge = InlineEdge | BatchedEdge

/** A child compiled into the parent's statement. */
export interface InlineEdge {
  strategy: Extract<EdgeStrategy, "left-join" | "subquery">
  edge: Edge
  node: PlanNode
}

/**
 * A child on another database. The parent's statement only exposes the keys to match: its own
 * `sourceColumn` value (`keySource: "column"`), or the target keys read from a pivot that lives on
 * the parent's database (`keySource: "pivot"`).
 */
export interface BatchedEdge {
  strategy: "batched-any"
  edge: Edge
  keySource: "column" | "pivot"
  fragment: ChildFragment
}

/**
 * A sort key; `steps` walk single-valued edges on the same database. At their end the value is
 * `field`, or, when the rest of the path lives on another database (`remote`), a rank fetched from
 * there beforehand (`field` is then the field at the far end, the one the ranks follow).
 */
export interface OrderPlan {
  steps: readonly OrderStep[]
  field: EntityField
  remote?: RemoteOrder
  direction: "ASC" | "DESC"
}

export interface OrderStep {
  edge: Edge
  target: Entity
  /** At most one target row per parent: it can be LEFT JOINed instead of read by a subquery. */
  unique: boolean
}

/**
 * The sort value lies across `edge`, on another database. `lookup` (run first, on that side)
 * returns each key's rank (see `RankBy`): target keys when the edge's pivot lives here
 * (`localPivot`, joined here to reach this side's keys), else keys of `source.sourceColumn`.
 * `pick` is set when a record may reach several ranks (the edge is not unique).
 */
export interface RemoteOrder {
  edge: Edge
  source: Entity
  target: Entity
  lookup: KeyLookup
  localPivot: boolean
  pick?: RankPick
}
