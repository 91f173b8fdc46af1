import pg from "pg"
import { fetchChunks } from "./cursor.ts"
import type { Database, QueryResult } from "./database.ts"
import { wrapDriverError } from "./driver-error.ts"
import { isSql, type Sql } from "./sql.ts"

export interface PostgresOptions {
  /** Milliseconds after which the server cancels a statement (PostgreSQL `statement_timeout`). */
  statementTimeout?: number
  /** Pool size; the default suits a 2-core machine running tests and the app side by side. */
  max?: number
}

type Client = pg.Pool | pg.PoolClient

/** node-postgres behind the Database interface. A pool outside transactions, one client inside. */
class PostgresDatabase implements Database {
  readonly kind = "postgres" as const

  constructor(
    private readonly client: Client,
    readonly label: string,
    private readonly pool: pg.Pool,
    readonly inTransaction: boolean,
  ) {}

  async query<Row>(query: Sql | string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const { text, values } = isSql(query) ? query.compile() : { text: query, values: params }
    try {
      const result = await this.client.query({ text, values })
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 }
    } catch (error) {
      throw wrapDriverError(error, this.label, text)
    }
  }

  async exec(script: string): Promise<void> {
    try {
      // A parameterless query uses the simple protocol, which accepts several statements.
      await this.client.query(script)
    } catch (error) {
      throw wrapDriverError(error, this.label)
    }
  }

  async transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this)
    const session = await this.checkOut()
    try {
      await session.begin()
      const result = await work(session.tx)
      await session.commit()
      return result
    } catch (error) {
      await session.rollback()
      throw wrapDriverError(error, this.label)
    } finally {
      session.release()
    }
  }

  /**
   * A server cursor lives in a transaction: outside one, the stream takes a connection of its own
   * for its whole life (reading only, so its COMMIT changes nothing) and gives it back at the end.
   */
  async *cursor<Row>(query: Sql, size: number): AsyncGenerator<Row[]> {
    if (this.inTransaction) {
      yield* fetchChunks<Row>(this, query, size, false)
      return
    }
    const session = await this.checkOut()
    try {
      await session.begin()
      yield* fetchChunks<Row>(session.tx, query, size, false)
      await session.commit()
    } catch (error) {
      await session.rollback()
      throw wrapDriverError(error, this.label)
    } finally {
      // A consumer that stopped early lands here with the transaction still open: end it.
      if (!session.ended) await session.rollback()
      session.release()
    }
  }

  /** A pooled connection for one transaction, with the bookkeeping its release needs. */
  private async checkOut() {
    let client: pg.PoolClient
    try {
      client = await this.pool.connect()
    } catch (error) {
      throw wrapDriverError(error, this.label)
    }
    let broken = false
    // A checked-out client has no pool listener: if the server goes away between two statements,
    // node-postgres emits "error" on it, which would crash the process. The failure already reaches
    // the transaction through its next statement; the connection is discarded on release.
    const onError = () => {
      broken = true
    }
    client.on("error", onError)
    const session = {
      tx: new PostgresDatabase(client, this.label, this.pool, true) as Database,
      ended: false,
      begin: () => client.query("BEGIN"),
      async commit() {
        await client.query("COMMIT")
        session.ended = true
      },
      async rollback() {
        session.ended = true
        try {
          await client.query("ROLLBACK")
        } catch {
          // The connection itself failed: it must not go back to the pool.
          broken = true
        }
      },
      release() {
        client.off("error", onError)
        client.release(broken)
      },
    }
    return session
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** Hides the password so the label can appear in messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "postgres"
  }
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    statement_timeout: options.statementTimeout,
    // modlink's statements are short and built fresh per query: JIT compilation (on by default
    // since PostgreSQL 12) costs them hundreds of milliseconds once a plan's estimate crosses
    // jit_above_cost, and gives nothing back at these sizes.
    options: "-c jit=off",
  })
  // An idle client whose server went away emits here; without a listener the process would crash.
  // The pool drops that client and the next query opens a fresh connection.
  pool.on("error", () => {})
  const label = redactUrl(url)
  return new PostgresDatabase(pool, label, pool, false)
}
