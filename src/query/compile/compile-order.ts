import { type Sql, sql } from "../../db/index.ts"
import type { OrderPlan, OrderStep } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { edgeSource } from "./compile-edge-source.ts"
import { joinEdge } from "./compile-join.ts"
import { allOf } from "./compile-live.ts"
import { joinRanks } from "./compile-rank.ts"
import type { FromScope } from "./from-scope.ts"

/** `ORDER BY` terms for the row `alias`; an empty list means "no ORDER BY". */
export function compileOrder(
  ctx: CompileContext,
  scope: FromScope,
  order: readonly OrderPlan[],
  alias: string,
): Sql[] {
  return order.map((term) => sql`${orderValue(ctx, scope, term, alias)} ${sql.raw(term.direction)}`)
}

/**
 * The value sorted by. Unique single edges are LEFT JOINed (shared with the selected ones), which
 * keeps the sort a plain column sort; an edge that may match several rows (hasOne, or a link while
 * deleted rows show) is read by a `LIMIT 1` scalar subquery so it cannot multiply the parent row.
 * A value on another database is the rank its sort lookup fetched, joined by key (the plan puts
 * such a hop after unique steps only).
 */
export function orderValue(
  ctx: CompileContext,
  scope: FromScope,
  term: OrderPlan,
  alias: string,
  steps: readonly OrderStep[] = term.steps,
): Sql {
  if (steps.length === 0) {
    return term.remote ? joinRanks(ctx, scope, alias, term.remote) : sql.id(alias, term.field.column)
  }
  const [step, ...rest] = steps
  if (step.unique)
    return orderValue(ctx, scope, term, joinEdge(ctx, scope, alias, step.edge, step.target), rest)
  return orderSubquery(ctx, steps, term, alias)
}

/**
 * Inside a scalar subquery further steps are subqueries too: there is no FROM to join into. Of
 * several matches it keeps the first in the requested direction (nulls last either way), so the
 * sort is the same every time and the same as a sort lookup's pick across databases.
 */
function orderSubquery(
  ctx: CompileContext,
  steps: readonly OrderStep[],
  term: OrderPlan,
  alias: string,
): Sql {
  if (steps.length === 0) return sql.id(alias, term.field.column)
  const [step, ...rest] = steps
  const target = ctx.alias()
  const source = edgeSource(ctx, step.edge, step.target, alias, target)
  const first = sql.raw(`ORDER BY 1 ${term.direction} NULLS LAST LIMIT 1`)
  return sql`(SELECT ${orderSubquery(ctx, rest, term, target)} FROM ${source.from} WHERE ${allOf(source.where)} ${first})`
}
