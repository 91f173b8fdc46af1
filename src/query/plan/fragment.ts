import type { Edge, Through } from "../../schema/index.ts"
import type { ExplainedEdge } from "../query-input.ts"
import type { PlanNode } from "./plan-node.ts"

/** The part of a query that runs on one database as one SQL statement (per batch of keys). */
export type Fragment = RootFragment | ChildFragment

export interface RootFragment {
  kind: "root"
  database: string
  node: PlanNode
  /** Root pagination; the statement then also returns the total count. */
  page?: { skip: number; take?: number }
  /** How each edge of this fragment was compiled, for `explain`. */
  edges: readonly ExplainedEdge[]
}

/**
 * Records of an edge that crosses to another database, fetched by the keys of their parents.
 * `match: "target"` matches `target.targetColumn`; `"pivot"` joins a pivot that lives with the
 * target and matches its source column. `pivotHop` maps parent keys to target keys first when the
 * pivot is on a third database.
 */
export interface ChildFragment {
  kind: "child"
  /** The edge from the parent fragment's records to this fragment's records. */
  edge: Edge
  database: string
  node: PlanNode
  match: "target" | "pivot"
  pivotHop?: { database: string; through: Through }
  edges: readonly ExplainedEdge[]
}

export interface QueryPlan {
  root: RootFragment
  withDeleted: boolean
}
