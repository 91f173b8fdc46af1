import { type Sql, sql } from "../../db/index.ts"
import type { OrderPlan, OrderStep } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { edgeSource } from "./compile-edge-source.ts"
import { joinEdge } from "./compile-join.ts"
import { allOf } from "./compile-live.ts"
import type { FromScope } from "./from-scope.ts"

/** `ORDER BY` terms for the row `alias`; an empty list means "no ORDER BY". */
export function compileOrder(
  ctx: CompileContext,
  scope: FromScope,
  order: readonly OrderPlan[],
  alias: string,
): Sql[] {
  return order.map(
    (term) => sql`${orderValue(ctx, scope, term.steps, term.field.column, alias)} ${sql.raw(term.direction)}`,
  )
}

/**
 * The value sorted by. Unique single edges are LEFT JOINed (shared with the selected ones), which
 * keeps the sort a plain column sort; an edge that may match several rows (hasOne, or a link while
 * deleted rows show) is read by a `LIMIT 1` scalar subquery so it cannot multiply the parent row.
 */
function orderValue(
  ctx: CompileContext,
  scope: FromScope,
  steps: readonly OrderStep[],
  column: string,
  alias: string,
): Sql {
  if (steps.length === 0) return sql.id(alias, column)
  const [step, ...rest] = steps
  if (step.unique)
    return orderValue(ctx, scope, rest, column, joinEdge(ctx, scope, alias, step.edge, step.target))
  return orderSubquery(ctx, steps, column, alias)
}

/** Inside a scalar subquery further steps are subqueries too: there is no FROM to join into. */
function orderSubquery(ctx: CompileContext, steps: readonly OrderStep[], column: string, alias: string): Sql {
  if (steps.length === 0) return sql.id(alias, column)
  const [step, ...rest] = steps
  const target = ctx.alias()
  const source = edgeSource(ctx, step.edge, step.target, alias, target)
  return sql`(SELECT ${orderSubquery(ctx, rest, column, target)} FROM ${source.from} WHERE ${allOf(source.where)} LIMIT 1)`
}
