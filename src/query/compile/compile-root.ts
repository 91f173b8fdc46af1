import { type Sql, sql } from "../../db/index.ts"
import type { RootFragment } from "../plan/fragment.ts"
import type { PlanNode } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf, liveRow } from "./compile-live.ts"
import { compileObject } from "./compile-object.ts"
import { compileOrder } from "./compile-order.ts"
import { FromScope } from "./from-scope.ts"
import { pageClause } from "./page-clause.ts"

/**
 * The root fragment as one statement returning one JSON column `j` per root row (one value for the
 * driver to decode, instead of many columns). A paginated root first picks the page's
 * keys in an inner query (sort, LIMIT/OFFSET, with only the joins the sort needs) and builds JSON for
 * those rows only. The total comes from an uncorrelated `count(*)` subquery (run once; unlike
 * `count(*) over ()` it lets the page use an index and stop early), or from the page's window when
 * the root is filtered.
 */
export function compileRoot(ctx: CompileContext, fragment: RootFragment): Sql {
  const { node, page } = fragment
  const scope = new FromScope()
  const alias = ctx.alias()
  const table = sql`${sql.id(node.entity.table)} AS ${sql.id(alias)}`
  if (!page) {
    const object = compileObject(ctx, scope, node, alias)
    const order = compileOrder(ctx, scope, node.order, alias)
    const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql.empty
    return sql`SELECT ${object} AS "j" FROM ${table} ${sql.join(scope.joins, " ")} WHERE ${rootWhere(ctx, node, alias)}${orderBy}`
  }
  const keys = node.entity.primaryKey.map((name) => node.entity.fields.get(name)!.column)
  const inner = ctx.alias()
  const innerScope = new FromScope()
  const order = compileOrder(ctx, innerScope, node.order, inner)
  const picked = keys.map((column, i) => sql`${sql.id(inner, column)} AS ${sql.id(`k${i}`)}`)
  // Filtered roots count in the page query itself: the filter (often an EXISTS through a link)
  // then runs once, where a separate count would evaluate it a second time. Unfiltered roots keep
  // the uncorrelated count, an index-only scan that lets the page stop early.
  const windowCount = node.filter ? sql`, count(*) OVER () AS "total"` : sql.empty
  const total = node.filter ? sql`"p"."total"` : sql`(${compileCount(ctx, node)})`
  const pageRows = sql`SELECT ${sql.join(picked)}, row_number() OVER (ORDER BY ${sql.join(order)}) AS "n"${windowCount} FROM ${sql.id(node.entity.table)} AS ${sql.id(inner)} ${sql.join(innerScope.joins, " ")} WHERE ${rootWhere(ctx, node, inner)} ORDER BY ${sql.join(order)}${pageClause(page.skip, page.take)}`
  const object = compileObject(ctx, scope, node, alias)
  const on = allOf(keys.map((column, i) => sql`${sql.id(alias, column)} = ${sql.id("p", `k${i}`)}`))
  return sql`SELECT ${object} AS "j", ${total} AS "total" FROM (${pageRows}) AS "p" JOIN ${table} ON ${on} ${sql.join(scope.joins, " ")} ORDER BY "p"."n"`
}

/** The number of roots matching the filters, ignoring pagination. */
export function compileCount(ctx: CompileContext, node: PlanNode): Sql {
  const alias = ctx.alias()
  return sql`SELECT count(*) FROM ${sql.id(node.entity.table)} AS ${sql.id(alias)} WHERE ${rootWhere(ctx, node, alias)}`
}

function rootWhere(ctx: CompileContext, node: PlanNode, alias: string): Sql {
  return allOf([
    ...liveRow(ctx, node.entity, alias),
    ...(node.filter ? [compileFilter(ctx, node.filter, alias)] : []),
  ])
}
