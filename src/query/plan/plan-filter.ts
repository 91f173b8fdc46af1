import type { Edge, Entity } from "../../schema/index.ts"
import type { FilterNode } from "../parse/filter-node.ts"
import type { ExplainedEdge } from "../query-input.ts"
import { isLocal } from "./edge-placement.ts"
import type { FilterPlan } from "./filter-plan.ts"
import { lookupAcross } from "./lookup-across.ts"

export interface FilterPlanContext {
  nextId(): number
  /** Where this filter's edges are reported for `explain`. */
  explained: ExplainedEdge[]
}

/**
 * Places every relation of a filter: on the same database it stays a correlated `EXISTS`; across
 * databases the related side is evaluated first (a key lookup on its own database) and the parent is
 * constrained with `= ANY(keys)`. No negation exists in filters, so "has a related match" and "key
 * among the matching keys" select exactly the same rows.
 */
export function planFilter(
  ctx: FilterPlanContext,
  filter: FilterNode,
  database: string,
  prefix: string,
): FilterPlan {
  switch (filter.kind) {
    case "compare":
      return filter
    case "and":
    case "or":
      return { kind: filter.kind, items: filter.items.map((item) => planFilter(ctx, item, database, prefix)) }
    case "related": {
      const { edge, target } = filter
      const path = `${prefix}.${edge.name}`
      if (isLocal(edge, target, database)) {
        ctx.explained.push({ path, strategy: "exists" })
        return { kind: "exists", edge, target, filter: planFilter(ctx, filter.filter, database, path) }
      }
      ctx.explained.push({ path, strategy: "prefetch-any" })
      const inner = planFilter(ctx, filter.filter, target.database, path)
      return remoteFilter(ctx, edge, target, inner, database)
    }
  }
}

function remoteFilter(
  ctx: FilterPlanContext,
  edge: Edge,
  target: Entity,
  filter: FilterPlan,
  database: string,
): FilterPlan {
  const { lookup, localPivot } = lookupAcross(ctx.nextId, edge, target, database, { filter })
  return { kind: localPivot ? "pivot-in-keys" : "in-keys", edge, lookup }
}
