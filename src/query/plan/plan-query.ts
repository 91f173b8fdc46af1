import type { SchemaGraph } from "../../schema/index.ts"
import type { ParsedQuery, Selection } from "../parse/selection.ts"
import type { ExplainedEdge } from "../query-input.ts"
import { isLocal, isUniqueSingle } from "./edge-placement.ts"
import type { ChildFragment, QueryPlan } from "./fragment.ts"
import { type FilterPlanContext, planFilter } from "./plan-filter.ts"
import type { PlanEdge, PlanNode } from "./plan-node.ts"
import { type OrderPlanContext, planOrder } from "./plan-order.ts"

interface PlanContext {
  graph: SchemaGraph
  withDeleted: boolean
  nextId(): number
}

/**
 * The plan stage: decides, for every edge of the selection, how it is traversed. Edges whose target
 * (and pivot) share the parent's database are compiled into the parent's statement; the others start
 * a child fragment on their own database, fetched by parent keys.
 */
export function planQuery(graph: SchemaGraph, parsed: ParsedQuery): QueryPlan {
  let id = 0
  const ctx: PlanContext = { graph, withDeleted: parsed.withDeleted, nextId: () => id++ }
  const edges: ExplainedEdge[] = []
  const { database } = parsed.root.entity
  const node = planNode(ctx, parsed.root, database, edges, true)
  return { root: { kind: "root", database, node, page: parsed.page, edges }, withDeleted: parsed.withDeleted }
}

/** `statementRoot`: the level is the FROM of its own statement (the root, or a child fragment). */
function planNode(
  ctx: PlanContext,
  selection: Selection,
  database: string,
  explained: ExplainedEdge[],
  statementRoot: boolean,
): PlanNode {
  const filterCtx: FilterPlanContext = { nextId: ctx.nextId, explained }
  const orderCtx: OrderPlanContext = { ...ctx, explained }
  const prefix = selection.path ? `${selection.path}.` : ""
  return {
    entity: selection.entity,
    path: selection.path,
    fields: selection.fields,
    filter: selection.filter && planFilter(filterCtx, selection.filter, database, `${prefix}filters`),
    order: selection.order.map((term) =>
      planOrder(orderCtx, term, database, `${prefix}order`, statementRoot),
    ),
    skip: selection.skip,
    take: selection.take,
    edges: selection.children.map(({ edge, selection: child }): PlanEdge => {
      const target = child.entity
      if (isLocal(edge, target, database)) {
        const strategy = isUniqueSingle(edge, target, ctx.withDeleted) ? "left-join" : "subquery"
        explained.push({ path: child.path, strategy })
        return { strategy, edge, node: planNode(ctx, child, database, explained, false) }
      }
      explained.push({ path: child.path, strategy: "batched-any" })
      const through = edge.through
      const childEdges: ExplainedEdge[] = []
      const fragment: ChildFragment = {
        kind: "child",
        edge,
        database: target.database,
        node: planNode(ctx, child, target.database, childEdges, true),
        match: through && through.database === target.database ? "pivot" : "target",
        pivotHop:
          through && through.database !== target.database && through.database !== database
            ? { database: through.database, through }
            : undefined,
        edges: childEdges,
      }
      const keySource = through && through.database === database ? "pivot" : "column"
      return { strategy: "batched-any", edge, keySource, fragment }
    }),
  }
}
