import type { Sql } from "./sql.ts"

/** Isolation levels a transaction may ask for (PostgreSQL runs `read uncommitted` as `read committed`). */
export const ISOLATION_LEVELS = ["read committed", "repeatable read", "serializable"] as const
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number]

/**
 * A transaction its opener ends: `app.transaction` keeps one open per database it touches and ends
 * them together (COMMIT, ROLLBACK, or `PREPARE TRANSACTION` for a two-phase commit).
 */
export interface OpenTransaction {
  /** Statements on the transaction's own connection. */
  readonly db: Database
  /** Runs the ending statement and gives the connection back; a failed end discards it. */
  end(statement: string): Promise<void>
}

export interface QueryResult<Row> {
  rows: Row[]
  rowCount: number
}

/**
 * What modlink needs from a database, whatever runs it: node-postgres against a server, or PGlite
 * in process. Everything above this interface is written once for both.
 */
export interface Database {
  readonly kind: "postgres" | "pglite"
  /** For messages: the server URL without its password, or the PGlite folder. */
  readonly label: string
  query<Row = Record<string, unknown>>(query: Sql | string, params?: unknown[]): Promise<QueryResult<Row>>
  /**
   * The rows of `query`, `size` at a time, read through a cursor: memory is bounded by the chunk,
   * not by the result. The cursor is closed when the consumer finishes, breaks or throws.
   */
  cursor<Row = Record<string, unknown>>(query: Sql, size: number): AsyncIterable<Row[]>
  /** Runs a script of several statements without parameters (migration files, DDL plans). */
  exec(script: string): Promise<void>
  /**
   * Runs `work` in one transaction and commits when it resolves. Called on a transaction it runs
   * inside the same transaction: callers compose without knowing whether one is already open.
   */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>
  readonly inTransaction: boolean
  /** Opens a transaction on a connection of its own (PGlite: holds its one connection until ended). */
  begin(isolation?: IsolationLevel): Promise<OpenTransaction>
  close(): Promise<void>
}
