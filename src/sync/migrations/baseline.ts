import type { TableSchema } from "../../dml/table-schema.ts"
import type { IntrospectedSchema } from "../catalog/introspect.ts"
import { canonicalType } from "../tables/normalize-sql.ts"

/**
 * Where a module's tables stand before any of its migrations ran: `fresh` when none of them exists
 * (the migrations create them), `match` when all of them already hold what the models need (the
 * migrations would fail on `create table`, so they are recorded as applied instead), `partial`
 * otherwise, with what differs.
 */
export type BaselineState = { kind: "fresh" } | { kind: "match" } | { kind: "partial"; differences: string[] }

/**
 * Compares tables, columns, types, nullability and primary keys: what a query or a write of the
 * module relies on. Indexes, checks and foreign keys are left to `db:generate`, and columns or
 * tables the models do not name belong to someone else and are ignored (Prisma's
 * `migrate resolve --applied` makes the same promise: the schema is the user's, as it is).
 */
export function baselineState(tables: readonly TableSchema[], actual: IntrospectedSchema): BaselineState {
  const present = tables.filter((table) => actual.tables.has(table.name))
  if (present.length === 0) return { kind: "fresh" }
  const differences: string[] = []
  for (const want of tables) {
    const have = actual.tables.get(want.name)
    if (!have) {
      differences.push(`table ${want.name} is missing`)
      continue
    }
    const columns = new Map(have.columns.map((column) => [column.name, column]))
    for (const column of want.columns) {
      const found = columns.get(column.name)
      if (!found) {
        differences.push(`${want.name}.${column.name} is missing (${column.type})`)
        continue
      }
      if (!sameType(column.type, found.type)) {
        differences.push(`${want.name}.${column.name} is ${found.type}, the model needs ${column.type}`)
      }
      if (column.nullable !== found.nullable) {
        differences.push(
          `${want.name}.${column.name} is ${found.nullable ? "nullable" : "not null"}, the model needs ${column.nullable ? "nullable" : "not null"}`,
        )
      }
    }
    if (want.primaryKey.join(",") !== have.primaryKey.join(",")) {
      differences.push(
        `${want.name} has primary key (${have.primaryKey.join(", ") || "none"}), the model needs (${want.primaryKey.join(", ")})`,
      )
    }
  }
  return differences.length === 0 ? { kind: "match" } : { kind: "partial", differences }
}

/**
 * `character varying(255)` holds every value a `text` model column is given in practice (Medusa
 * writes its ids that way), and reading one back gives the same string, so it counts as the same.
 */
function sameType(wanted: string, found: string): boolean {
  const a = canonicalType(wanted)
  const b = canonicalType(found)
  if (a === b) return true
  return a === "text" && /^character varying(\(\d+\))?$/.test(b)
}
