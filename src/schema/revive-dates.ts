import type { EntityField } from "./entity.ts"

/**
 * Rows travel from PostgreSQL as JSON, where timestamps are ISO strings or epoch milliseconds.
 * Users expect `Date` objects (as node-postgres and Medusa give them), so the known dateTime
 * fields are turned back.
 */
export function reviveDates(
  row: Record<string, unknown>,
  dateFields: readonly string[],
): Record<string, unknown> {
  for (const name of dateFields) {
    const value = row[name]
    if (typeof value === "string" || typeof value === "number") row[name] = new Date(value)
  }
  return row
}

export function dateFieldsOf(fields: Iterable<EntityField>): string[] {
  return [...fields].filter((f) => f.type === "dateTime").map((f) => f.name)
}
