import { type Sql, sql } from "../../db/index.ts"
import type { FilterCompare } from "../parse/filter-node.ts"

/**
 * One field comparison. Values are always bind parameters and lists are ONE array parameter
 * (`= ANY($1)`), so a list of 100,000 ids is one parameter and PostgreSQL infers its type from the
 * column. `$ne`/`$nin` keep rows where the field is null (null is "not equal to x", as in JS);
 * every other comparison is false on null.
 */
export function compileCompare(compare: FilterCompare, alias: string): Sql {
  const { field, op, value } = compare
  const column = sql.id(alias, field.column)
  // json columns may be `json`, which has no equality: compare as jsonb documents.
  const operand = field.type === "json" ? sql`${column}::jsonb` : column
  const param = field.type === "json" ? sql`${value}::jsonb` : sql`${value}`
  switch (op) {
    case "$eq":
      return value === null ? sql`${column} IS NULL` : sql`${operand} = ${param}`
    case "$ne":
      return value === null ? sql`${column} IS NOT NULL` : sql`${operand} IS DISTINCT FROM ${param}`
    case "$in":
    case "$nin": {
      const list = value as unknown[]
      const values = list.filter((item) => item !== null)
      const withNull = values.length < list.length
      const any = values.length > 0 ? sql`${column} = ANY(${values})` : sql.raw("false")
      if (op === "$in") return withNull ? sql`(${any} OR ${column} IS NULL)` : any
      const none = sql`NOT coalesce(${any}, false)`
      return withNull ? sql`(${column} IS NOT NULL AND ${none})` : none
    }
    case "$gt":
      return sql`${column} > ${value}`
    case "$gte":
      return sql`${column} >= ${value}`
    case "$lt":
      return sql`${column} < ${value}`
    case "$lte":
      return sql`${column} <= ${value}`
    case "$like":
    case "$ilike": {
      // Enum columns may be PostgreSQL enum types, which have no LIKE: match their text.
      const text = field.type === "enum" ? sql`${column}::text` : column
      return sql`${text} ${sql.raw(op === "$like" ? "LIKE" : "ILIKE")} ${value}`
    }
    case "$contains":
      return sql`${operand} @> ${param}`
  }
}
