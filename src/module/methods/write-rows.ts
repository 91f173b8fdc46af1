import { type Database, sql } from "../../db/index.ts"
import { fieldValue } from "../../query/compile/compile-object.ts"
import { reviveDates } from "../../schema/index.ts"
import type { ModelRuntime } from "../model-runtime.ts"

type Row = Record<string, unknown>

/**
 * Field types whose stored form can differ from the validated value sent: jsonb reorders keys,
 * numeric and real columns round. Their values are read back; every other column holds exactly
 * what was sent.
 */
const NORMALISED_TYPES = new Set(["json", "bigNumber", "float"])

/** Columns the database fills itself (defaults, never written by `create`). */
const SERVER_FILLED = ["created_at", "updated_at", "deleted_at"]

/**
 * One INSERT for any number of rows: the rows travel as a single JSON parameter expanded by
 * `json_populate_recordset` against the table's own row type, so every column type (arrays, jsonb,
 * timestamps) converts in PostgreSQL and no statement nears the 65,535-parameter limit.
 *
 * The records returned are the rows sent, completed with what only the database knows: the
 * timestamps it filled and the columns it may have normalised. Returning whole rows as JSON cost
 * as much as the insert itself (10,000 products: 960 ms against 590 ms returning nothing).
 */
export async function insertRows(db: Database, runtime: ModelRuntime, rows: Row[]): Promise<Row[]> {
  if (rows.length === 0) return []
  const table = runtime.model.tableName
  const pk = runtime.primaryKey
  const names = Object.keys(rows[0])
  const columns = names.map((c) => sql.id(c))
  const readBack = [
    ...SERVER_FILLED,
    ...names.filter(
      (name) =>
        NORMALISED_TYPES.has(runtime.fields.get(name)?.type ?? "") && rows.some((row) => row[name] !== null),
    ),
  ]
  const entries = [pk, ...readBack].map(
    (name) => sql`${sql.value(name)}::text, ${fieldValue(runtime.fields.get(name)!, "t")}`,
  )
  const { rows: inserted } = await db.query<{ row: Row }>(sql`
    insert into ${sql.id(table)} as t (${sql.join(columns)})
    select ${sql.join(columns)} from json_populate_recordset(null::${sql.id(table)}, ${JSON.stringify(rows)}::json)
    returning json_build_object(${sql.join(entries)}) as row`)
  const stored = new Map(inserted.map(({ row }) => [row[pk], row]))
  // The prepared rows are this call's own objects: completing them in place spares a copy of
  // every record (copies by spread were a third of the JavaScript time at 10,000 rows).
  for (const row of rows) {
    const fromDatabase = stored.get(row[pk])!
    for (const name of readBack) row[name] = fromDatabase[name]
    reviveDates(row, runtime.dateFields)
  }
  return rows
}

/**
 * Updates rows by primary key, one statement per distinct set of written columns (usually one),
 * joining the table with the new values expanded from a JSON parameter.
 */
export async function updateRows(db: Database, runtime: ModelRuntime, rows: Row[]): Promise<string[]> {
  const table = runtime.model.tableName
  const pk = runtime.primaryKey
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const key = Object.keys(row).sort().join(",")
    // Push, not spread: copying the group for every row made a 35,000-row update quadratic.
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  const updated: string[] = []
  for (const group of groups.values()) {
    const columns = Object.keys(group[0]).filter((c) => c !== pk)
    const assignments = columns.map((c) => sql`${sql.id(c)} = v.${sql.id(c)}`)
    const { rows: changed } = await db.query<{ id: string }>(sql`
      update ${sql.id(table)} as t set ${sql.join([...assignments, sql`updated_at = now()`])}
      from json_populate_recordset(null::${sql.id(table)}, ${JSON.stringify(group)}::json) as v
      where t.${sql.id(pk)} = v.${sql.id(pk)}
      returning t.${sql.id(pk)} as id`)
    updated.push(...changed.map((r) => r.id))
  }
  return updated
}
