import { type Sql, sql } from "../../db/index.ts"
import type { Edge, Entity } from "../../schema/index.ts"
import type { FilterPlan } from "../plan/filter-plan.ts"
import type { CompileContext } from "./compile-context.ts"
import { compileFilter } from "./compile-filter.ts"
import { allOf, livePivot, liveRow } from "./compile-live.ts"
import type { FromScope } from "./from-scope.ts"

/**
 * LEFT JOINs a unique single-valued edge's target into `scope` and returns its alias. Through a pivot
 * the join is nested (`LEFT JOIN (pivot JOIN target ON …) ON …`) so a link row whose target is
 * deleted or filtered out yields null, not a half-matched row. `filter` (a nested filter) goes in the
 * ON clause: it empties the field, never drops the parent. Joins without a filter are shared.
 */
export function joinEdge(
  ctx: CompileContext,
  scope: FromScope,
  parentAlias: string,
  edge: Edge,
  target: Entity,
  filter?: FilterPlan,
): string {
  const key = filter ? `${parentAlias}.${edge.name}#${ctx.alias()}` : `${parentAlias}.${edge.name}`
  return scope.join(key, () => {
    const alias = ctx.alias()
    const table = sql`${sql.id(target.table)} AS ${sql.id(alias)}`
    const narrowed: Sql[] = [
      ...liveRow(ctx, target, alias),
      ...(filter ? [compileFilter(ctx, filter, alias)] : []),
    ]
    if (!edge.through) {
      const on = allOf([
        sql`${sql.id(alias, edge.targetColumn)} = ${sql.id(parentAlias, edge.sourceColumn)}`,
        ...narrowed,
      ])
      return { alias, join: sql`LEFT JOIN ${table} ON ${on}` }
    }
    const { through } = edge
    const pivot = ctx.alias()
    const inner = allOf([
      sql`${sql.id(alias, edge.targetColumn)} = ${sql.id(pivot, through.targetColumn)}`,
      ...narrowed,
    ])
    const outer = allOf([
      sql`${sql.id(pivot, through.sourceColumn)} = ${sql.id(parentAlias, edge.sourceColumn)}`,
      ...livePivot(ctx, through, pivot),
    ])
    return {
      alias,
      join: sql`LEFT JOIN (${sql.id(through.table)} AS ${sql.id(pivot)} JOIN ${table} ON ${inner}) ON ${outer}`,
    }
  })
}
