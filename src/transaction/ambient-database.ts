import type { Database, IsolationLevel, OpenTransaction, QueryResult, Sql } from "../db/index.ts"

/**
 * One of the app's databases as the app's own services, link service and query engine hold it:
 * called from inside an `app.transaction` callback (found through the async call chain), every
 * statement goes to that transaction; anywhere else, to the app's pool. So a service resolved with
 * `app.resolve` (before the transaction, or by a user service through its container) joins the
 * transaction as `scope.resolve`'s does, instead of running beside it, which on PGlite's single
 * connection would wait for the transaction that waits for it.
 */
export class AmbientDatabase implements Database {
  constructor(
    /** The app's database (or, for reads, its replica reader) outside transactions. */
    private readonly base: Database,
    /** The running transaction's connection to this database, when called inside one. */
    private readonly scoped: () => Database | undefined,
  ) {}

  get kind() {
    return this.base.kind
  }

  get label() {
    return this.base.label
  }

  private get target(): Database {
    return this.scoped() ?? this.base
  }

  get inTransaction(): boolean {
    return this.target.inTransaction
  }

  query<Row = Record<string, unknown>>(query: Sql | string, params?: unknown[]): Promise<QueryResult<Row>> {
    return this.target.query<Row>(query, params)
  }

  cursor<Row = Record<string, unknown>>(query: Sql, size: number): AsyncIterable<Row[]> {
    return this.target.cursor<Row>(query, size)
  }

  exec(script: string): Promise<void> {
    return this.target.exec(script)
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return this.target.transaction(work)
  }

  begin(isolation?: IsolationLevel): Promise<OpenTransaction> {
    return this.target.begin(isolation)
  }

  close(): Promise<void> {
    return this.base.close()
  }
}
