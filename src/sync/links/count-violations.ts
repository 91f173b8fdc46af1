import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"
import type { RowCondition } from "../tables/table-change.ts"

/**
 * How many rows of `table` break the rule a change adds, so a plan can say "3 rows violate it"
 * before anyone accepts it. Read-only queries, run outside any transaction, so one that fails
 * (undefined: unknown) leaves nothing behind. `columns` maps the column names the change uses to
 * their names in the table as it is now (they differ when a key column is about to be renamed).
 */
export async function countViolations(
  db: Database,
  table: string,
  condition: RowCondition,
  columns: ReadonlyMap<string, string> = new Map(),
): Promise<number | undefined> {
  const column = (name: string) => sql.id(columns.get(name) ?? name)
  const from = sql.id(table)
  let query: ReturnType<typeof sql>
  switch (condition.kind) {
    case "unique": {
      // Predicates and check expressions are TableSchema text modlink wrote, never user input.
      const where = condition.where ? sql.raw(` where ${condition.where}`) : sql.empty
      const keys = sql.join(condition.columns.map(column))
      query = sql`select coalesce(sum(n), 0)::int as n from (select count(*) as n from ${from}${where} group by ${keys} having count(*) > 1) as duplicates`
      break
    }
    case "not-null":
      query = sql`select count(*)::int as n from ${from} where ${column(condition.column)} is null`
      break
    case "empty":
      query = sql`select count(*)::int as n from ${from}`
      break
    case "check":
      query = sql`select count(*)::int as n from ${from} where not (${sql.raw(condition.expression)})`
      break
    case "foreign-key":
      return undefined
  }
  try {
    const { rows } = await db.query<{ n: number }>(query)
    return rows[0]?.n ?? 0
  } catch {
    // The rule names a column the same action adds: the count is unknown until it exists.
    return undefined
  }
}
