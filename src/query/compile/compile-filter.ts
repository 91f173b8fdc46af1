import { type Sql, sql } from "../../db/index.ts"
import type { FilterPlan } from "../plan/filter-plan.ts"
import { compileCompare } from "./compile-compare.ts"
import type { CompileContext } from "./compile-context.ts"
import { edgeSource } from "./compile-edge-source.ts"
import { allOf, livePivot } from "./compile-live.ts"

/**
 * A filter as a boolean SQL expression over the row `alias`. Relations become correlated `EXISTS`
 * (a semi-join: a parent with many matches still appears once); keys fetched from another database
 * become `= ANY($keys)`.
 */
export function compileFilter(ctx: CompileContext, filter: FilterPlan, alias: string): Sql {
  switch (filter.kind) {
    case "compare":
      return compileCompare(filter, alias)
    case "and":
      return filter.items.length === 0 ? sql.raw("true") : group(ctx, filter.items, alias, " AND ")
    case "or":
      return filter.items.length === 0 ? sql.raw("false") : group(ctx, filter.items, alias, " OR ")
    case "exists": {
      const target = ctx.alias()
      const source = edgeSource(ctx, filter.edge, filter.target, alias, target)
      const where = allOf([...source.where, compileFilter(ctx, filter.filter, target)])
      return sql`EXISTS (SELECT 1 FROM ${source.from} WHERE ${where})`
    }
    case "in-keys":
      return sql`${sql.id(alias, filter.edge.sourceColumn)} = ANY(${ctx.keys(filter.lookup.id)})`
    case "pivot-in-keys": {
      const through = filter.edge.through!
      const pivot = ctx.alias()
      const where = allOf([
        sql`${sql.id(pivot, through.sourceColumn)} = ${sql.id(alias, filter.edge.sourceColumn)}`,
        sql`${sql.id(pivot, through.targetColumn)} = ANY(${ctx.keys(filter.lookup.id)})`,
        ...livePivot(ctx, through, pivot),
      ])
      return sql`EXISTS (SELECT 1 FROM ${sql.id(through.table)} AS ${sql.id(pivot)} WHERE ${where})`
    }
  }
}

function group(ctx: CompileContext, items: readonly FilterPlan[], alias: string, glue: string): Sql {
  if (items.length === 1) return compileFilter(ctx, items[0], alias)
  return sql`(${sql.join(
    items.map((item) => compileFilter(ctx, item, alias)),
    glue,
  )})`
}
