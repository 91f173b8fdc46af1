import { type Sql, sql } from "../../db/index.ts"
import type { EntityField } from "../../schema/index.ts"
import type { BatchedEdge, PlanNode } from "../plan/plan-node.ts"
import type { CompileContext } from "./compile-context.ts"
import { joinEdge } from "./compile-join.ts"
import { allOf, livePivot } from "./compile-live.ts"
import { compileSubquery } from "./compile-subquery.ts"
import type { FromScope } from "./from-scope.ts"
import { jsonObject } from "./json-object.ts"

/** Property under which a parent exposes the keys a batched child fragment is fetched by. */
export function batchKeyProperty(edgeName: string): string {
  return `$key:${edgeName}`
}

/**
 * The JSON object of one row `alias` of `node`: its fields, then each child. Unique single children
 * are LEFT JOINed into `scope` (null when nothing matched), others are correlated subqueries, and
 * children on another database leave only the keys to fetch them by.
 */
export function compileObject(ctx: CompileContext, scope: FromScope, node: PlanNode, alias: string): Sql {
  const pairs: Array<readonly [string, Sql]> = node.fields.map(
    (field) => [field.name, fieldValue(field, alias)] as const,
  )
  for (const child of node.edges) {
    switch (child.strategy) {
      case "left-join": {
        const target = joinEdge(ctx, scope, alias, child.edge, child.node.entity, child.node.filter)
        const key = child.node.entity.fields.get(child.node.entity.primaryKey[0])!.column
        const object = compileObject(ctx, scope, child.node, target)
        pairs.push([
          child.edge.name,
          sql`CASE WHEN ${sql.id(target, key)} IS NULL THEN NULL ELSE ${object} END`,
        ])
        break
      }
      case "subquery":
        pairs.push([child.edge.name, compileSubquery(ctx, child.edge, child.node, alias)])
        break
      case "batched-any":
        pairs.push([batchKeyProperty(child.edge.name), batchKeys(ctx, child, alias)])
        break
    }
  }
  return jsonObject(pairs)
}

/**
 * A field's value in the JSON. Timestamps travel as epoch milliseconds: `new Date(number)` is
 * several times cheaper than parsing an ISO string, and PostgreSQL computes the number faster than
 * it writes the ISO text. `date_part` works in float8 (`extract` turned to numeric in PostgreSQL
 * 14 and costs twice as much); rounding to whole microseconds first makes the float exact, and
 * floor then keeps the millisecond a Date built from the ISO text would have.
 */
export function fieldValue(field: EntityField, alias: string): Sql {
  const column = sql.id(alias, field.column)
  return field.type === "dateTime"
    ? sql`floor(round(date_part('epoch', ${column}) * 1000000) / 1000)::int8`
    : column
}

/**
 * What the parent row contributes to fetch a child on another database: its own column, or, when
 * the pivot lives here with the parent, the target keys of its live pivot rows as a JSON array.
 */
function batchKeys(ctx: CompileContext, child: BatchedEdge, alias: string): Sql {
  const { edge } = child
  if (child.keySource === "column") return sql.id(alias, edge.sourceColumn)
  const through = edge.through!
  const pivot = ctx.alias()
  const where = allOf([
    sql`${sql.id(pivot, through.sourceColumn)} = ${sql.id(alias, edge.sourceColumn)}`,
    ...livePivot(ctx, through, pivot),
  ])
  return sql`(SELECT coalesce(json_agg(${sql.id(pivot, through.targetColumn)}), '[]'::json) FROM ${sql.id(through.table)} AS ${sql.id(pivot)} WHERE ${where})`
}
