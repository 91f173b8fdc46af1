import { type Sql, sql } from "../../db/index.ts"
import type { Through } from "../../schema/index.ts"
import type { KeyLookup } from "../plan/key-lookup.ts"
import type { CompileContext } from "./compile-context.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf, livePivot, liveRow } from "./compile-live.ts"

/**
 * A key lookup as one statement returning distinct keys `k`: the matching targets' keys (or their
 * pivot rows' source keys when the pivot lives with the target), or, for a pivot on a third
 * database, the pivot source keys of the target keys found before (`fromKeys`, one array parameter).
 */
export function compileLookup(ctx: CompileContext, lookup: KeyLookup, fromKeys?: unknown): Sql {
  const { edge } = lookup
  if (lookup.kind === "pivot") {
    const through = edge.through!
    const pivot = ctx.alias()
    const where = allOf([
      sql`${sql.id(pivot, through.targetColumn)} = ANY(${fromKeys})`,
      ...livePivot(ctx, through, pivot),
    ])
    return sql`SELECT DISTINCT ${sql.id(pivot, through.sourceColumn)} AS "k" FROM ${sql.id(through.table)} AS ${sql.id(pivot)} WHERE ${where}`
  }
  const alias = ctx.alias()
  const table = sql`${sql.id(lookup.target.table)} AS ${sql.id(alias)}`
  const conditions = [...liveRow(ctx, lookup.target, alias), compileFilter(ctx, lookup.filter, alias)]
  if (!lookup.joinPivot) {
    return sql`SELECT DISTINCT ${sql.id(alias, edge.targetColumn)} AS "k" FROM ${table} WHERE ${allOf(conditions)}`
  }
  const through: Through = edge.through!
  const pivot = ctx.alias()
  conditions.push(...livePivot(ctx, through, pivot))
  return sql`SELECT DISTINCT ${sql.id(pivot, through.sourceColumn)} AS "k" FROM ${sql.id(through.table)} AS ${sql.id(pivot)} JOIN ${table} ON ${sql.id(alias, edge.targetColumn)} = ${sql.id(pivot, through.targetColumn)} WHERE ${allOf(conditions)}`
}

/** Pivot rows on a third database mapping parent keys (`s`) to target keys (`t`) for one batch. */
export function compilePivotHop(ctx: CompileContext, through: Through, keys: unknown): Sql {
  const pivot = ctx.alias()
  const where = allOf([
    sql`${sql.id(pivot, through.sourceColumn)} = ANY(${keys})`,
    ...livePivot(ctx, through, pivot),
  ])
  return sql`SELECT ${sql.id(pivot, through.sourceColumn)} AS "s", ${sql.id(pivot, through.targetColumn)} AS "t" FROM ${sql.id(through.table)} AS ${sql.id(pivot)} WHERE ${where}`
}
