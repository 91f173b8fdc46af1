import { type Database, sql } from "../../db/index.ts"
import { reviveDates } from "../../schema/index.ts"
import type { ModelRuntime } from "../model-runtime.ts"

type Row = Record<string, unknown>

/**
 * One INSERT for any number of rows: the rows travel as a single JSON parameter expanded by
 * `json_populate_recordset` against the table's own row type, so every column type (arrays, jsonb,
 * timestamps) converts in PostgreSQL and no statement nears the 65,535-parameter limit.
 */
export async function insertRows(db: Database, runtime: ModelRuntime, rows: Row[]): Promise<Row[]> {
  if (rows.length === 0) return []
  const table = runtime.model.tableName
  const columns = Object.keys(rows[0]).map((c) => sql.id(c))
  // The stored rows come back as JSON from the same statement, like the query engine's output.
  const { rows: inserted } = await db.query<{ row: Row }>(sql`
    insert into ${sql.id(table)} as t (${sql.join(columns)})
    select ${sql.join(columns)} from json_populate_recordset(null::${sql.id(table)}, ${JSON.stringify(rows)}::json)
    returning to_json(t.*) as row`)
  return inserted.map((r) => reviveDates(r.row, runtime.dateFields))
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
