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

/**
 * `rows from (unnest($1::text[]), unnest($2::text[])) as i("$left", "$right")`: the ids of a batch
 * as text arrays zipped by position, with no object or JSON text built per pair (a 10,000-pair
 * call spent more on those than on its statement). Extra column values, of any type, come beside
 * them as one JSON recordset, only when the call gives some.
 */
export function zippedRecords(
  ids: ReadonlyArray<[string, readonly string[]]>,
  extra?: { rows: readonly object[]; columns: ReadonlyArray<[string, string]> },
): Sql {
  const arrays = ids.map(([, values]) => sql`unnest(${values}::text[])`)
  const names = ids.map(([name]) => name)
  if (extra?.columns.length) {
    const definitions = sql.join(extra.columns.map(([name, type]) => sql`${sql.id(name)} ${sql.raw(type)}`))
    arrays.push(sql`json_to_recordset(${JSON.stringify(extra.rows)}::json) as (${definitions})`)
    names.push(...extra.columns.map(([name]) => name))
  }
  return sql`rows from (${sql.join(arrays)}) as i(${sql.join(names.map((n) => sql.id(n)))})`
}

/** A timestamp as epoch milliseconds in float8, which node-postgres hands over as a number. */
const epochMs = (column: Sql) => sql`floor(round(date_part('epoch', ${column}) * 1000000) / 1000)::float8`

/**
 * What a statement returns of a link row for `toLinkRow`. Timestamps come as epoch milliseconds:
 * `new Date(n)` is several times cheaper than the driver parsing timestamptz text (see
 * compile-object's fieldValue).
 */
export function linkRowColumns(link: ResolvedTableLink, alias = "t"): Sql {
  return sql.join(rowColumns(link, alias))
}

/** As many nulls as `linkRowColumns` has columns: a row that stands beside them in a union. */
export function nullLinkRow(link: ResolvedTableLink): Sql {
  return sql.join(rowColumns(link, "t").map(() => sql`null`))
}

function rowColumns(link: ResolvedTableLink, alias: string): Sql[] {
  const column = (name: string) => sql.id(alias, name)
  return [
    column("id"),
    column(link.left.key),
    column(link.right.key),
    ...link.extraColumns.map((c) => column(c.name)),
    ...["created_at", "updated_at", "deleted_at"].map(
      (name) => sql`${epochMs(column(name))} as ${sql.id(name)}`,
    ),
  ]
}

/** A row as `linkRowColumns` returns it → what callers get: keys flat, extra columns under `data`. */
export function toLinkRow(link: ResolvedTableLink, row: Record<string, unknown>): LinkRow {
  return {
    link: link.entryPoint,
    id: row.id as string,
    [link.left.key]: row[link.left.key],
    [link.right.key]: row[link.right.key],
    data: Object.fromEntries(link.extraColumns.map((c) => [c.property, row[c.name]])),
    created_at: new Date(row.created_at as number),
    updated_at: new Date(row.updated_at as number),
    deleted_at: row.deleted_at === null ? null : new Date(row.deleted_at as number),
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
