import { type Sql, sql } from "../../db/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import type { LinkKeyRow, LinkRow } from "./link-input.ts"

/**
 * Names of the fields inputs travel under in the JSON parameter. `$` never appears in a column
 * name modlink derives (snake case), so they cannot collide with extra columns.
 */
export const ROW_ID = "$id"
export const LEFT = "$left"
export const RIGHT = "$right"

/** `json_to_recordset($1::json) as i("$left" text, …)`: a whole batch as one bind parameter. */
export function jsonRecords(rows: readonly object[], columns: ReadonlyArray<[string, string]>): Sql {
  const definitions = sql.join(columns.map(([name, type]) => sql`${sql.id(name)} ${sql.raw(type)}`))
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as i(${definitions})`
}

/** A row as the link table returns it → what callers get: keys flat, extra columns under `data`. */
export function toLinkRow(link: ResolvedTableLink, row: Record<string, unknown>): LinkRow {
  return {
    link: link.entryPoint,
    id: row.id as string,
    [link.left.key]: row[link.left.key],
    [link.right.key]: row[link.right.key],
    data: Object.fromEntries(link.extraColumns.map((c) => [c.property, row[c.name]])),
    created_at: row.created_at as Date,
    updated_at: row.updated_at as Date,
    deleted_at: (row.deleted_at as Date | null) ?? null,
  }
}

/** `{ id, product_id, post_id }`: how events and reports show a link row. */
export function namedKeys(link: ResolvedTableLink, row: LinkKeyRow): Record<string, string> {
  return { id: row.id, [link.left.key]: row.left, [link.right.key]: row.right }
}

export function eventRow(link: ResolvedTableLink, row: LinkRow): Record<string, string> {
  return namedKeys(link, {
    id: row.id,
    left: row[link.left.key] as string,
    right: row[link.right.key] as string,
  })
}

/** `t.id, t."product_id" as "$left", t."post_id" as "$right"`: key columns under fixed names. */
export function keyColumns(link: ResolvedTableLink, alias = "t"): Sql {
  return sql`${sql.id(alias, "id")} as id, ${sql.id(alias, link.left.key)} as ${sql.id(LEFT)}, ${sql.id(alias, link.right.key)} as ${sql.id(RIGHT)}`
}

export function toKeyRow(row: Record<string, unknown>): LinkKeyRow {
  return { id: row.id as string, left: row[LEFT] as string, right: row[RIGHT] as string }
}
