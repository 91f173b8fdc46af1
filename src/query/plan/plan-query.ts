import { ModlinkError } from "../../errors/index.ts"
import type { SchemaGraph } from "../../schema/index.ts"
import type { OrderTerm, ParsedQuery, Selection } from "../parse/selection.ts"
import type { ExplainedEdge } from "../query-input.ts"
import { isLocal, isUniqueSingle } from "./edge-placement.ts"
import type { ChildFragment, QueryPlan } from "./fragment.ts"
import { type FilterPlanContext, planFilter } from "./plan-filter.ts"
import type { OrderPlan, PlanEdge, PlanNode } from "./plan-node.ts"

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
  const node = planNode(ctx, parsed.root, database, edges)
  return { root: { kind: "root", database, node, page: parsed.page, edges }, withDeleted: parsed.withDeleted }
}

function planNode(
  ctx: PlanContext,
  selection: Selection,
  database: string,
  explained: ExplainedEdge[],
): PlanNode {
  const filterCtx: FilterPlanContext = { nextId: ctx.nextId, explained }
  const prefix = selection.path ? `${selection.path}.` : ""
  return {
    entity: selection.entity,
    path: selection.path,
    fields: selection.fields,
    filter: selection.filter && planFilter(filterCtx, selection.filter, database, `${prefix}filters`),
    order: selection.order.map((term) => planOrder(ctx, term, database, `${prefix}order`, explained)),
    skip: selection.skip,
    take: selection.take,
    edges: selection.children.map(({ edge, selection: child }): PlanEdge => {
      const target = child.entity
      if (isLocal(edge, target, database)) {
        const strategy = isUniqueSingle(edge, target, ctx.withDeleted) ? "left-join" : "subquery"
        explained.push({ path: child.path, strategy })
        return { strategy, edge, node: planNode(ctx, child, database, explained) }
      }
      explained.push({ path: child.path, strategy: "batched-any" })
      const through = edge.through
      const childEdges: ExplainedEdge[] = []
      const fragment: ChildFragment = {
        kind: "child",
        edge,
        database: target.database,
        node: planNode(ctx, child, target.database, childEdges),
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

/** Sorting through an edge needs its target in the same statement: refused across databases. */
function planOrder(
  ctx: PlanContext,
  term: OrderTerm,
  database: string,
  prefix: string,
  explained: ExplainedEdge[],
): OrderPlan {
  let path = prefix
  const steps = term.edges.map((edge) => {
    const target = ctx.graph.entity(edge.target)
    path = `${path}.${edge.name}`
    if (!isLocal(edge, target, database)) {
      throw new ModlinkError(
        "INVALID_INPUT",
        `Cannot order by ${[...term.edges.map((e) => e.name), term.field.name].join(".")}: ${edge.target} is on another database`,
        {
          hint: `${edge.source} lives on database "${database}", ${edge.target} on "${target.database}"; sort by fields on the same database`,
        },
      )
    }
    const unique = isUniqueSingle(edge, target, ctx.withDeleted)
    explained.push({ path, strategy: unique ? "left-join" : "subquery" })
    return { edge, target, unique }
  })
  return { steps, field: term.field, direction: term.direction }
}
