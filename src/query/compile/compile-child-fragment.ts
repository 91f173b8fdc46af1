import { type Sql, sql } from "../../db/index.ts"
import type { ChildFragment } from "../plan/fragment.ts"
import type { CompileContext } from "./compile-context.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf, livePivot, liveRow } from "./compile-live.ts"
import { compileObject } from "./compile-object.ts"
import { compileOrder } from "./compile-order.ts"
import { FromScope } from "./from-scope.ts"

/**
 * One batch of a child fragment: the records matching a batch of keys, as JSON text `j` plus the
 * key `m` each matched, so execute can hand each record to its parents. The keys are one array
 * parameter whatever their number. Sorting happens here; per-parent pagination happens in memory,
 * since parents and their keys live on another database.
 */
export function compileChildFragment(ctx: CompileContext, fragment: ChildFragment, keys: unknown): Sql {
  const { node, edge } = fragment
  const scope = new FromScope()
  const alias = ctx.alias()
  const table = sql`${sql.id(node.entity.table)} AS ${sql.id(alias)}`
  const object = compileObject(ctx, scope, node, alias)
  const order = compileOrder(ctx, scope, node.order, alias)
  const narrowed = [
    ...liveRow(ctx, node.entity, alias),
    ...(node.filter ? [compileFilter(ctx, node.filter, alias)] : []),
  ]
  let from = table
  let match = sql.id(alias, edge.targetColumn)
  if (fragment.match === "pivot") {
    const through = edge.through!
    const pivot = ctx.alias()
    from = sql`${sql.id(through.table)} AS ${sql.id(pivot)} JOIN ${table} ON ${sql.id(alias, edge.targetColumn)} = ${sql.id(pivot, through.targetColumn)}`
    match = sql.id(pivot, through.sourceColumn)
    narrowed.push(...livePivot(ctx, through, pivot))
  }
  const where = allOf([sql`${match} = ANY(${keys})`, ...narrowed])
  const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql.empty
  return sql`SELECT ${object} AS "j", ${match} AS "m" FROM ${from} ${sql.join(scope.joins, " ")} WHERE ${where}${orderBy}`
}
