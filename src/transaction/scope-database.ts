import type { Database, IsolationLevel, OpenTransaction, QueryResult, Sql } from "../db/index.ts"
import { ModlinkError } from "../errors/index.ts"

/** What a scope database asks of the transaction that owns it. */
export interface ScopeControl {
  readonly isolationLevel?: IsolationLevel
  /** True once the transaction committed or rolled back. */
  readonly settled: boolean
  /** Called before this database's transaction begins: may refuse (a second database needs two-phase commit). */
  admit(db: ScopeDatabase): Promise<void>
  /** Throws when an earlier call failed: the transaction can only roll back now. */
  refuseIfFailed(): void
  /** Records a failed statement or unit of work. */
  failed(error: unknown): void
}

/**
 * One database as seen inside `app.transaction`: the transaction begins on the first statement
 * (a database the callback never touches costs nothing) and every statement runs on it. Services
 * are handed this instead of the app's database, so they run inside the transaction without a
 * parameter of their own; their `transaction()` calls join it. Always the primary: reads inside a
 * transaction must see its writes.
 */
export class ScopeDatabase implements Database {
  readonly inTransaction = true
  private opening: Promise<OpenTransaction> | undefined

  constructor(
    /** Key of the database in the app (`"main"` or a module's). */
    readonly key: string,
    /** The app's database the transaction opens on. */
    readonly base: Database,
    private readonly control: ScopeControl,
  ) {}

  get kind() {
    return this.base.kind
  }

  get label() {
    return this.base.label
  }

  get begun(): boolean {
    return this.opening !== undefined
  }

  private connection(): Promise<Database> {
    if (this.control.settled && !this.opening) {
      // A service kept from a scope after its callback returned: a transaction begun now would
      // never be ended (and on PGlite would hold the one connection for good).
      return Promise.reject(
        new ModlinkError(
          "INVALID_INPUT",
          "This transaction has ended: its services cannot be used any more",
          {
            hint: "use the services of app.resolve(...) after app.transaction returns, or move the call inside the callback",
          },
        ),
      )
    }
    this.opening ??= this.control.admit(this).then(() => this.base.begin(this.control.isolationLevel))
    return this.opening.then((open) => open.db)
  }

  async query<Row = Record<string, unknown>>(
    query: Sql | string,
    params?: unknown[],
  ): Promise<QueryResult<Row>> {
    this.control.refuseIfFailed()
    try {
      return await (await this.connection()).query<Row>(query, params)
    } catch (error) {
      this.control.failed(error)
      throw error
    }
  }

  async exec(script: string): Promise<void> {
    this.control.refuseIfFailed()
    try {
      await (await this.connection()).exec(script)
    } catch (error) {
      this.control.failed(error)
      throw error
    }
  }

  /** `query.stream` inside the transaction: a plain cursor on the transaction's connection. */
  async *cursor<Row>(query: Sql, size: number): AsyncGenerator<Row[]> {
    this.control.refuseIfFailed()
    try {
      yield* (await this.connection()).cursor<Row>(query, size)
    } catch (error) {
      this.control.failed(error)
      throw error
    }
  }

  /**
   * A service's unit of work joins the transaction. If it throws after writing, the caller may catch
   * the error, but the half-done unit must not commit: the whole transaction is marked failed.
   */
  async transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    this.control.refuseIfFailed()
    try {
      return await work(this)
    } catch (error) {
      this.control.failed(error)
      throw error
    }
  }

  begin(): Promise<OpenTransaction> {
    throw new Error("begin() inside app.transaction: use the scope's transaction()")
  }

  /** Statements the transaction itself runs (savepoints), outside the failure bookkeeping. */
  async runControl(statement: Sql | string): Promise<void> {
    await (await this.connection()).query(statement)
  }

  /** Ends the transaction, if it began, and forgets it: a later statement begins a new one. */
  async end(statement: string): Promise<void> {
    const opening = this.opening
    this.opening = undefined
    if (opening) await (await opening).end(statement)
  }

  /** The app owns the connection pool. */
  async close(): Promise<void> {}
}
