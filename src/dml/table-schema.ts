/**
 * The database shape a model (or a link) asks for: plain data, compared with the introspected
 * database by `sync/` to write migrations and link plans. Names here are final (already shortened).
 */
export interface ColumnSchema {
  name: string
  /** PostgreSQL type as written in DDL: `text`, `integer`, `numeric`, `timestamptz`, `jsonb`, `text[]`… */
  type: string
  nullable: boolean
  /** A SQL default expression modlink wrote (`now()`, `'draft'`, `0`), never user text unescaped. */
  default?: string
}

export interface IndexSchema {
  name: string
  columns: string[]
  unique: boolean
  /** Partial index predicate, e.g. `deleted_at is null`. */
  where?: string
}

export interface ForeignKeySchema {
  name: string
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
  onDelete: "cascade" | "set null" | "no action"
}

export interface CheckSchema {
  name: string
  expression: string
}

export interface TableSchema {
  name: string
  columns: ColumnSchema[]
  primaryKey: string[]
  indexes: IndexSchema[]
  foreignKeys: ForeignKeySchema[]
  checks: CheckSchema[]
}
