import { ModlinkError } from "../../errors/index.ts"
import type { SchemaGraph } from "../../schema/index.ts"
import type { OrderTerm } from "../parse/selection.ts"
import type { ExplainedEdge } from "../query-input.ts"
import { isLocal, isUniqueSingle } from "./edge-placement.ts"
import type { RankPick } from "./key-lookup.ts"
import { lookupAcross } from "./lookup-across.ts"
import type { OrderPlan, OrderStep } from "./plan-node.ts"

export interface OrderPlanContext {
  graph: SchemaGraph
  withDeleted: boolean
  nextId(): number
  /** Where the order's edges are reported for `explain`. */
  explained: ExplainedEdge[]
}

/**
 * Places a sort key. Edges on the same database are joined (or read by a `LIMIT 1` subquery when
 * not unique). At the first edge to another database the rest of the path becomes a sort lookup
 * there: every target's rank by the value, fetched first and joined by key in this statement, so
 * the sort, the page and the total stay in one statement. `statementRoot`: this level is the FROM
 * of its statement (a root or a child fragment); a list compiled as a correlated subquery of its
 * parent would join the whole list of ranks once per parent, so it is refused there.
 */
export function planOrder(
  ctx: OrderPlanContext,
  term: OrderTerm,
  database: string,
  prefix: string,
  statementRoot: boolean,
): OrderPlan {
  const steps: OrderStep[] = []
  let path = prefix
  for (const [i, edge] of term.edges.entries()) {
    const target = ctx.graph.entity(edge.target)
    const unique = isUniqueSingle(edge, target, ctx.withDeleted)
    path = `${path}.${edge.name}`
    if (isLocal(edge, target, database)) {
      ctx.explained.push({ path, strategy: unique ? "left-join" : "subquery" })
      steps.push({ edge, target, unique })
      continue
    }
    refuseRemote(term, prefix, database, target.database, statementRoot, steps)
    ctx.explained.push({ path, strategy: "prefetch-rank" })
    const pick: RankPick | undefined = unique ? undefined : term.direction === "ASC" ? "min" : "max"
    // Ranks are computed ascending; the direction travels on so further picks follow it.
    const rest = { edges: term.edges.slice(i + 1), field: term.field, direction: term.direction }
    const by = planOrder(ctx, rest, target.database, path, true)
    const { lookup, localPivot } = lookupAcross(ctx.nextId, edge, target, database, { rank: { by, pick } })
    const source = ctx.graph.entity(edge.source)
    const remote = { edge, source, target, lookup, localPivot, pick }
    return { steps, field: term.field, remote, direction: term.direction }
  }
  return { steps, field: term.field, direction: term.direction }
}

function refuseRemote(
  term: OrderTerm,
  prefix: string,
  database: string,
  remote: string,
  statementRoot: boolean,
  steps: readonly OrderStep[],
): void {
  const name = [...term.edges.map((edge) => edge.name), term.field.name].join(".")
  const crossing = term.edges[steps.length]
  const where = `${crossing.target} is on database "${remote}", ${crossing.source} on "${database}"`
  if (!statementRoot) {
    throw new ModlinkError("INVALID_INPUT", `Cannot order by ${name} in ${prefix}: ${where}`, {
      hint: "a nested list read in its parent's statement can only sort by fields on its own database; sort the root by it, or the list in code",
    })
  }
  const several = steps.find((step) => !step.unique)
  if (several) {
    throw new ModlinkError("INVALID_INPUT", `Cannot order by ${name} in ${prefix}: ${where}`, {
      hint: `${several.edge.name} may match several ${several.target.name} records, so there is no one key to fetch the sort value by; sort by fields on the same database`,
    })
  }
}
