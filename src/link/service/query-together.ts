import type { Database, Sql } from "../../db/index.ts"
import { sql } from "../../db/index.ts"

/**
 * Several statements returning rows of one shape, sent as the CTEs of one statement: one round
 * trip instead of one each (a cascade of 1,000 products made 15 round trips, 4 of them UPDATEs the
 * hand-written cascade sends as one). UPDATEs may be among them (data-modifying CTEs); they must
 * touch different tables, since all share one snapshot. Returns each statement's rows, by position.
 */
export async function queryTogether(
  db: Database,
  statements: readonly Sql[],
): Promise<Array<Array<Record<string, unknown>>>> {
  const parts: Array<Array<Record<string, unknown>>> = statements.map(() => [])
  if (statements.length === 0) return parts
  const ctes = sql.join(statements.map((statement, i) => sql`${sql.id(`q${i}`)} as (${statement})`))
  const selects = sql.join(
    statements.map((_, i) => sql`select ${i}::int as "$part", * from ${sql.id(`q${i}`)}`),
    " union all ",
  )
  const { rows } = await db.query<Record<string, unknown>>(sql`with ${ctes} ${selects}`)
  for (const row of rows) parts[row.$part as number].push(row)
  return parts
}
