import { type Sql, sql } from "../../db/index.ts"
import type { RootFragment } from "../plan/fragment.ts"
import type { PlanNode } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf, liveRow } from "./compile-live.ts"
import { compileObject } from "./compile-object.ts"
import { compileOrder, orderValue } from "./compile-order.ts"
import { FromScope } from "./from-scope.ts"
import { pageClause } from "./page-clause.ts"

/**
 * The root fragment as one statement returning one JSON column `j` per root row (one value for the
 * driver to decode, instead of many columns). A paginated root first picks the page's rows in an
 * inner query (sort, LIMIT/OFFSET, with only the joins the sort needs) and builds JSON for those
 * rows only, reading them straight from the inner query: joining the table again by key made
 * PostgreSQL hash the whole table for a page of 100. The total comes from an uncorrelated
 * `count(*)` subquery (run once; unlike `count(*) over ()` it lets the page use an index and stop
 * early), or from the page's window when the root is filtered.
 */
export function compileRoot(ctx: CompileContext, fragment: RootFragment): Sql {
  const { node, page } = fragment
  const scope = new FromScope()
  const alias = ctx.alias()
  if (!page) {
    const table = sql`${sql.id(node.entity.table)} AS ${sql.id(alias)}`
    const object = compileObject(ctx, scope, node, alias)
    const order = compileOrder(ctx, scope, node.order, alias)
    const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql.empty
    return sql`SELECT ${object} AS "j" FROM ${table} ${sql.join(scope.joins, " ")} WHERE ${rootWhere(ctx, node, alias)}${orderBy}`
  }
  const inner = ctx.alias()
  const innerScope = new FromScope()
  // Sorted by the root's own columns, the outer query sorts by them again and PostgreSQL sees the
  // page already comes in that order. A sort through a link (or by ranks from another database)
  // exists only inside the page query, so the page query returns its sort values as columns for
  // the outer query to sort by again. (Numbering the rows with row_number() instead made
  // PostgreSQL sort every matching row in full before the LIMIT, where a plain ORDER BY … LIMIT
  // keeps only the page's rows in a bounded heap.)
  const ownColumns = node.order.every((term) => term.steps.length === 0 && !term.remote)
  const values = node.order.map((term) => orderValue(ctx, innerScope, term, inner))
  const sortColumns = ownColumns
    ? sql.empty
    : sql`, ${sql.join(values.map((value, i) => sql`${value} AS ${sql.id(pageSort(i))}`))}`
  const order = node.order.map((term, i) => {
    const value = ownColumns ? values[i] : sql.id(pageSort(i))
    return sql`${value} ${sql.raw(term.direction)}`
  })
  // Filtered roots count in the page query itself: the filter (often an EXISTS through a link)
  // then runs once, where a separate count would evaluate it a second time. Unfiltered roots keep
  // the uncorrelated count, an index-only scan that lets the page stop early.
  const windowCount = node.filter ? sql`, count(*) OVER () AS ${sql.id(PAGE_TOTAL)}` : sql.empty
  const total = node.filter ? sql.id(alias, PAGE_TOTAL) : sql`(${compileCount(ctx, node)})`
  const pageRows = sql`SELECT ${sql.id(inner)}.*${sortColumns}${windowCount} FROM ${sql.id(node.entity.table)} AS ${sql.id(inner)} ${sql.join(innerScope.joins, " ")} WHERE ${rootWhere(ctx, node, inner)} ORDER BY ${sql.join(order)}${pageClause(page.skip, page.take)}`
  const object = compileObject(ctx, scope, node, alias)
  const outerOrder = ownColumns
    ? compileOrder(ctx, scope, node.order, alias)
    : node.order.map((term, i) => sql`${sql.id(alias, pageSort(i))} ${sql.raw(term.direction)}`)
  return sql`SELECT ${object} AS "j", ${total} AS "total" FROM (${pageRows}) AS ${sql.id(alias)} ${sql.join(scope.joins, " ")} ORDER BY ${sql.join(outerOrder)}`
}

/**
 * Columns the page query adds beside the table's own: the total and the sort values. Model
 * columns are property names, which no model spells with a `$`, so these cannot shadow one.
 */
const PAGE_TOTAL = "$total"
const pageSort = (i: number) => `$sort${i}`

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
