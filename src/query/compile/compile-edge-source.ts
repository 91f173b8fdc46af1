import { type Sql, sql } from "../../db/index.ts"
import type { Edge, Entity } from "../../schema/index.ts"
import type { CompileContext } from "./compile-context.ts"
import { livePivot, liveRow } from "./compile-live.ts"

/** A FROM item reaching an edge's targets, and the conditions tying it to one parent row. */
export interface EdgeSource {
  from: Sql
  where: Sql[]
}

/**
 * The rows of `target` reachable from the parent row `parentAlias` through `edge`, aliased `alias`:
 * a direct column match, or a pivot (link or manyToMany table) joined to the target. Dismissed
 * links and deleted targets are excluded unless the query asked for them.
 */
export function edgeSource(
  ctx: CompileContext,
  edge: Edge,
  target: Entity,
  parentAlias: string,
  alias: string,
): EdgeSource {
  const table = sql`${sql.id(target.table)} AS ${sql.id(alias)}`
  if (!edge.through) {
    return {
      from: table,
      where: [
        sql`${sql.id(alias, edge.targetColumn)} = ${sql.id(parentAlias, edge.sourceColumn)}`,
        ...liveRow(ctx, target, alias),
      ],
    }
  }
  const pivot = ctx.alias()
  const { through } = edge
  return {
    from: sql`${sql.id(through.table)} AS ${sql.id(pivot)} JOIN ${table} ON ${sql.id(alias, edge.targetColumn)} = ${sql.id(pivot, through.targetColumn)}`,
    where: [
      sql`${sql.id(pivot, through.sourceColumn)} = ${sql.id(parentAlias, edge.sourceColumn)}`,
      ...livePivot(ctx, through, pivot),
      ...liveRow(ctx, target, alias),
    ],
  }
}
