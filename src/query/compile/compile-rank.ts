import { type Sql, sql } from "../../db/index.ts"
import { columnTypes } from "../../dml/index.ts"
import type { Edge, Entity } from "../../schema/index.ts"
import type { RankPick } from "../plan/key-lookup.ts"
import type { RemoteOrder } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { allOf, livePivot } from "./compile-live.ts"
import type { FromScope } from "./from-scope.ts"

/**
 * LEFT JOINs the ranks a sort lookup fetched to the row `alias` and returns the rank to sort by:
 * the lookup's rows directly when they are keyed like `alias.sourceColumn`, else through the pivot
 * that lives here. A row without a rank (no link, a deleted target, a null value) gets null, which
 * ORDER BY puts last ascending and first descending, as it does a null field on one database. The
 * ranks are one array parameter however many, and PostgreSQL hashes them once for the statement.
 */
export function joinRanks(ctx: CompileContext, scope: FromScope, alias: string, remote: RemoteOrder): Sql {
  const { edge, lookup } = remote
  const joined = scope.join(`${alias}.${edge.name}#rank${lookup.id}`, () => {
    const ranks = ctx.alias()
    const from = remote.localPivot
      ? sql`(${rankedPivot(ctx, edge, remote.target, lookup.id, remote.pick)}) AS ${sql.id(ranks)}`
      : rankRows(ctx, lookup.id, keyArrayType(remote.source, edge.sourceColumn), ranks)
    return {
      alias: ranks,
      join: sql`LEFT JOIN ${from} ON ${sql.id(ranks, "k")} = ${sql.id(alias, edge.sourceColumn)}`,
    }
  })
  return sql.id(joined, "r")
}

/**
 * Pivot source keys (`k`) with the ranks of their targets (`r`), the targets' keys and ranks coming
 * from lookup `fromId`: the statement of a pivot lookup on a third database, and the derived table
 * a statement joins when the pivot lives with it. `pick` keeps one rank per source key when the
 * pivot may hold several rows for it.
 */
export function rankedPivot(
  ctx: CompileContext,
  edge: Edge,
  target: Entity | undefined,
  fromId: number,
  pick: RankPick | undefined,
): Sql {
  const through = edge.through!
  const pivot = ctx.alias()
  const ranks = ctx.alias()
  const source = sql.id(pivot, through.sourceColumn)
  const rows = rankRows(ctx, fromId, keyArrayType(target, edge.targetColumn), ranks)
  const from = sql`FROM ${sql.id(through.table)} AS ${sql.id(pivot)} JOIN ${rows} ON ${sql.id(ranks, "k")} = ${sql.id(pivot, through.targetColumn)} WHERE ${allOf(livePivot(ctx, through, pivot))}`
  if (!pick) return sql`SELECT ${source} AS "k", ${sql.id(ranks, "r")} AS "r" ${from}`
  return sql`SELECT ${source} AS "k", ${sql.raw(pick)}(${sql.id(ranks, "r")}) AS "r" ${from} GROUP BY ${source}`
}

/** A sort lookup's keys and ranks as rows `alias("k", "r")`. */
function rankRows(ctx: CompileContext, lookupId: number, keyType: Sql, alias: string): Sql {
  return sql`unnest(${ctx.keys(lookupId)}::${keyType}, ${ctx.ranks(lookupId)}::int4[]) AS ${sql.id(alias)}("k", "r")`
}

/**
 * The array type of keys matched against `entity.column`: unnest needs a type, which a bare
 * parameter does not have; `text[]` (the type of every id and link column) when unknown.
 */
function keyArrayType(entity: Entity | undefined, column: string): Sql {
  for (const field of entity?.fields.values() ?? []) {
    if (field.column === column) return sql.raw(`${columnTypes[field.type]}[]`)
  }
  return sql.raw("text[]")
}
