import { type Sql, sql } from "../../db/index.ts"
import type { Through } from "../../schema/index.ts"
import type { KeyLookup, TargetLookup } from "../plan/key-lookup.ts"
import type { CompileContext } from "./compile-context.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf, livePivot, liveRow } from "./compile-live.ts"
import { orderValue } from "./compile-order.ts"
import { rankedPivot } from "./compile-rank.ts"
import { FromScope } from "./from-scope.ts"

/**
 * A key lookup as one statement returning distinct keys `k`: the matching targets' keys (or their
 * pivot rows' source keys when the pivot lives with the target), or, for a pivot on a third
 * database, the pivot source keys of the target keys found before (one array parameter). A sort
 * lookup returns each key with its rank `r` instead (see `RankBy`).
 */
export function compileLookup(ctx: CompileContext, lookup: KeyLookup): Sql {
  const { edge } = lookup
  if (lookup.kind === "target") return targetKeys(ctx, lookup)
  const { from } = lookup
  const through = edge.through!
  if (from.kind === "target" && from.rank) return rankedPivot(ctx, edge, from.target, from.id, lookup.pick)
  const pivot = ctx.alias()
  const where = allOf([
    sql`${sql.id(pivot, through.targetColumn)} = ANY(${ctx.keys(from.id)})`,
    ...livePivot(ctx, through, pivot),
  ])
  return sql`SELECT DISTINCT ${sql.id(pivot, through.sourceColumn)} AS "k" FROM ${sql.id(through.table)} AS ${sql.id(pivot)} WHERE ${where}`
}

function targetKeys(ctx: CompileContext, lookup: TargetLookup): Sql {
  const { edge, target, filter, rank } = lookup
  const alias = ctx.alias()
  const scope = new FromScope()
  const value = rank && orderValue(ctx, scope, rank.by, alias)
  const conditions = [
    ...liveRow(ctx, target, alias),
    ...(filter ? [compileFilter(ctx, filter, alias)] : []),
    ...(value ? [sql`${value} IS NOT NULL`] : []),
  ]
  const table = sql`${sql.id(target.table)} AS ${sql.id(alias)}`
  let from = table
  let key = sql.id(alias, edge.targetColumn)
  if (lookup.joinPivot) {
    const through: Through = edge.through!
    const pivot = ctx.alias()
    from = sql`${sql.id(through.table)} AS ${sql.id(pivot)} JOIN ${table} ON ${sql.id(alias, edge.targetColumn)} = ${sql.id(pivot, through.targetColumn)}`
    key = sql.id(pivot, through.sourceColumn)
    conditions.push(...livePivot(ctx, through, pivot))
  }
  const rows = sql`FROM ${from} ${sql.join(scope.joins, " ")} WHERE ${allOf(conditions)}`
  if (!rank || !value) return sql`SELECT DISTINCT ${key} AS "k" ${rows}`
  // Ranked ascending whatever the requested direction: the caller's ORDER BY applies it, with
  // PostgreSQL's null placement (unranked rows last ascending, first descending).
  const ranked = sql`SELECT ${key} AS "k", dense_rank() OVER (ORDER BY ${value})::int4 AS "r" ${rows}`
  if (!rank.pick) return ranked
  return sql`SELECT "s"."k", ${sql.raw(rank.pick)}("s"."r") AS "r" FROM (${ranked}) AS "s" GROUP BY "s"."k"`
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
