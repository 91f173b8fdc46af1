import { type Database, type Sql, sql } from "../../db/index.ts"
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
  const names = Object.keys(rows[0])
  const columns = names.map((c) => sql.id(c))
  const normalised = names.filter(
    (name) =>
      NORMALISED_TYPES.has(runtime.fields.get(name)?.type ?? "") && rows.some((row) => row[name] !== null),
  )
  const insert = sql`insert into ${sql.id(table)} as t (${sql.join(columns)})
    select ${sql.join(columns)} from json_populate_recordset(null::${sql.id(table)}, ${JSON.stringify(rows)}::json)`
  const stored =
    normalised.length > 0
      ? await perRow(db, runtime, insert, normalised)
      : await perGroup(db, runtime, insert)
  const readBack = [...SERVER_FILLED, ...normalised]
  // The prepared rows are this call's own objects: completing them in place spares a copy of
  // every record (copies by spread were a third of the JavaScript time at 10,000 rows).
  for (const row of rows) {
    const fromDatabase = stored(row[runtime.primaryKey])
    for (const name of readBack) row[name] = fromDatabase[name]
    reviveDates(row, runtime.dateFields)
  }
  return rows
}

/** `'name', value` pairs of `json_build_object`, timestamps as epoch milliseconds. */
function entries(runtime: ModelRuntime, names: readonly string[]): Sql {
  return sql.join(
    names.map((name) => sql`${sql.value(name)}::text, ${fieldValue(runtime.fields.get(name)!, "t")}`),
  )
}

/** Columns the database may have normalised differ row by row: each row returns its own. */
async function perRow(db: Database, runtime: ModelRuntime, insert: Sql, normalised: readonly string[]) {
  const pk = runtime.primaryKey
  const { rows } = await db.query<{ row: Row }>(
    sql`${insert} returning json_build_object(${entries(runtime, [pk, ...SERVER_FILLED, ...normalised])}) as row`,
  )
  const byKey = new Map(rows.map(({ row }) => [row[pk], row]))
  return (key: unknown) => byKey.get(key)!
}

/**
 * Only the timestamps to learn, and their defaults (`now()`) are one value per statement: the
 * statement returns one row per distinct set of timestamps, with the keys of its rows only when
 * there is more than one (a trigger could make them differ). 10,000 rows: 516 ms against 643 ms
 * for a row each.
 */
async function perGroup(db: Database, runtime: ModelRuntime, insert: Sql) {
  const pk = runtime.primaryKey
  const grouped = sql.join(SERVER_FILLED.map((name) => sql.id(name)))
  const { rows } = await db.query<{ row: Row; keys: unknown[] | null }>(sql`
    with t as (${insert} returning ${sql.join([sql.id(pk), grouped])})
    select json_build_object(${entries(runtime, SERVER_FILLED)}) as row,
           case when count(*) over () > 1 then json_agg(t.${sql.id(pk)}) end as keys
    from t group by ${grouped}`)
  if (rows.length === 1) return () => rows[0].row
  const byKey = new Map(rows.flatMap(({ row, keys }) => (keys ?? []).map((key) => [key, row] as const)))
  return (key: unknown) => byKey.get(key)!
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
