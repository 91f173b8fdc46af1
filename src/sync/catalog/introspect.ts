import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"
import type { CheckSchema, ColumnSchema, ForeignKeySchema, IndexSchema } from "../../dml/table-schema.ts"

/** An index as found: `constraint` when it backs a UNIQUE constraint (dropped with the constraint). */
export interface IntrospectedIndex extends IndexSchema {
  constraint: boolean
}

/** A table as it is in the database, in the same terms as the TableSchema modlink asks for. */
export interface IntrospectedTable {
  name: string
  /** Types as `format_type` prints them (`timestamp with time zone`, `text[]`). */
  columns: ColumnSchema[]
  primaryKey: string[]
  primaryKeyName?: string
  indexes: IntrospectedIndex[]
  foreignKeys: ForeignKeySchema[]
  checks: CheckSchema[]
}

export interface IntrospectedSchema {
  schema: string
  tables: ReadonlyMap<string, IntrospectedTable>
}

export interface IntrospectOptions {
  schema?: string
  /** Only these tables (the planner asks for its own); every table of the schema when omitted. */
  tables?: readonly string[]
}

interface ColumnRow {
  table_name: string
  column_name: string | null
  type: string | null
  not_null: boolean | null
  default_sql: string | null
}

interface ConstraintRow {
  table_name: string
  name: string
  kind: "p" | "f" | "c"
  columns: string[]
  referenced_table: string | null
  referenced_columns: string[] | null
  on_delete: string | null
  definition: string
}

interface IndexRow {
  table_name: string
  name: string
  columns: string[]
  is_unique: boolean
  predicate: string | null
  is_constraint: boolean
}

const ON_DELETE: Record<string, ForeignKeySchema["onDelete"]> = { c: "cascade", n: "set null" }

/**
 * Reads the shape of a schema's tables from the catalogs in three queries whatever the number of
 * tables (columns, constraints, indexes), so planning 50 links costs the same as planning one.
 * Works on PGlite and the server alike: only pg_catalog and its functions are used.
 */
export async function introspectSchema(
  db: Database,
  options: IntrospectOptions = {},
): Promise<IntrospectedSchema> {
  const schema = options.schema ?? "public"
  const only = options.tables ? sql`and c.relname = any(${[...options.tables]}::text[])` : sql.empty
  // One after the other: inside a transaction they share a single connection.
  const columns = await db.query<ColumnRow>(sql`
      select c.relname as table_name, a.attname as column_name,
             format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
             pg_get_expr(d.adbin, d.adrelid) as default_sql
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      where n.nspname = ${schema} and c.relkind in ('r', 'p') ${only}
      order by c.relname, a.attnum`)
  const constraints = await db.query<ConstraintRow>(sql`
      select c.relname as table_name, k.conname as name, k.contype as kind,
             array(select a.attname::text from unnest(k.conkey) with ordinality as u(num, ord)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.ord) as columns,
             r.relname as referenced_table,
             array(select a.attname::text from unnest(k.confkey) with ordinality as u(num, ord)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.ord) as referenced_columns,
             k.confdeltype as on_delete, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class r on r.oid = k.confrelid
      where n.nspname = ${schema} and k.contype in ('p', 'f', 'c') ${only}
      order by c.relname, k.conname`)
  const indexes = await db.query<IndexRow>(sql`
      select c.relname as table_name, i.relname as name,
             array(select pg_get_indexdef(x.indexrelid, k, true) from generate_series(1, x.indnkeyatts) as k
                   order by k) as columns,
             x.indisunique as is_unique, pg_get_expr(x.indpred, x.indrelid) as predicate,
             exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype = 'u') as is_constraint
      from pg_index x
      join pg_class c on c.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and not x.indisprimary ${only}
      order by c.relname, i.relname`)
  const tables = new Map<string, IntrospectedTable>()
  const table = (name: string) => {
    let found = tables.get(name)
    if (!found) {
      found = { name, columns: [], primaryKey: [], indexes: [], foreignKeys: [], checks: [] }
      tables.set(name, found)
    }
    return found
  }
  for (const row of columns.rows) {
    const target = table(row.table_name)
    if (row.column_name === null || row.type === null) continue
    target.columns.push({
      name: row.column_name,
      type: row.type,
      nullable: !row.not_null,
      ...(row.default_sql === null ? {} : { default: row.default_sql }),
    })
  }
  for (const row of constraints.rows) {
    const target = table(row.table_name)
    if (row.kind === "p") {
      target.primaryKey = row.columns
      target.primaryKeyName = row.name
    } else if (row.kind === "f") {
      target.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        referencedTable: row.referenced_table ?? "",
        referencedColumns: row.referenced_columns ?? [],
        onDelete: ON_DELETE[row.on_delete ?? ""] ?? "no action",
      })
    } else {
      target.checks.push({ name: row.name, expression: checkExpression(row.definition) })
    }
  }
  for (const row of indexes.rows) {
    table(row.table_name).indexes.push({
      name: row.name,
      columns: row.columns,
      unique: row.is_unique,
      ...(row.predicate === null ? {} : { where: row.predicate }),
      constraint: row.is_constraint,
    })
  }
  return { schema, tables }
}

/** `CHECK ((a > 0))` → `(a > 0)`: the expression, as a TableSchema check holds it. */
function checkExpression(definition: string): string {
  return definition.replace(/^CHECK\s*/i, "").replace(/\s+NOT VALID$/i, "")
}
