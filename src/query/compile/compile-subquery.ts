import { type Sql, sql } from "../../db/index.ts"
import type { Edge } from "../../schema/index.ts"
import type { PlanNode } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { edgeSource } from "./compile-edge-source.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf } from "./compile-live.ts"
import { compileObject } from "./compile-object.ts"
import { compileOrder } from "./compile-order.ts"
import { FromScope } from "./from-scope.ts"
import { pageClause } from "./page-clause.ts"

/**
 * A child read by a correlated subquery of its parent row `parentAlias`. Lists aggregate to a JSON
 * array (`[]` when nothing matches, never null); a single child that is not guaranteed unique takes
 * the first match. Nested pagination runs per parent inside the subquery; the array keeps the sort
 * order through `row_number()`, since json_agg only promises an order it is given explicitly.
 */
export function compileSubquery(ctx: CompileContext, edge: Edge, node: PlanNode, parentAlias: string): Sql {
  const scope = new FromScope()
  const alias = ctx.alias()
  const source = edgeSource(ctx, edge, node.entity, parentAlias, alias)
  const object = compileObject(ctx, scope, node, alias)
  const order = compileOrder(ctx, scope, node.order, alias)
  const where = allOf([...source.where, ...(node.filter ? [compileFilter(ctx, node.filter, alias)] : [])])
  const from = sql`${source.from} ${sql.join(scope.joins, " ")}`
  const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql.empty
  if (!edge.isList) return sql`(SELECT ${object} FROM ${from} WHERE ${where}${orderBy} LIMIT 1)`
  if (node.skip === undefined && node.take === undefined) {
    return sql`(SELECT coalesce(json_agg(${object}${orderBy}), '[]'::json) FROM ${from} WHERE ${where})`
  }
  const rows = sql`SELECT ${object} AS "j", row_number() OVER (${orderBy}) AS "n" FROM ${from} WHERE ${where}${orderBy}${pageClause(node.skip, node.take)}`
  return sql`(SELECT coalesce(json_agg("s"."j" ORDER BY "s"."n"), '[]'::json) FROM (${rows}) AS "s")`
}
