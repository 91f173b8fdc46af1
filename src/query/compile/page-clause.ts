import { type Sql, sql } from "../../db/index.ts"

/** ` LIMIT $n OFFSET $m`, each part only when given. */
export function pageClause(skip: number | undefined, take: number | undefined): Sql {
  const limit = take === undefined ? sql.empty : sql` LIMIT ${take}`
  const offset = skip === undefined || skip === 0 ? sql.empty : sql` OFFSET ${skip}`
  return sql`${limit}${offset}`
}
