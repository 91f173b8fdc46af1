import type { Sql } from "./sql.ts"

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
  close(): Promise<void>
}
