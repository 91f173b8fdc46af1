import { createRequire } from "node:module"
import type pg from "pg"
import { ModlinkError } from "../errors/index.ts"
import { fetchChunks } from "./cursor.ts"
import type { Database, IsolationLevel, OpenTransaction, QueryResult } from "./database.ts"
import { wrapDriverError } from "./driver-error.ts"
import { beginStatement, runInTransaction } from "./run-in-transaction.ts"
import { isSql, type Sql } from "./sql.ts"

export interface PostgresOptions {
  /** Milliseconds after which the server cancels a statement (PostgreSQL `statement_timeout`). */
  statementTimeout?: number
  /** Milliseconds to wait for a server to accept and answer a new connection (default 10 s). */
  connectTimeout?: number
  /** Pool size; the default suits a 2-core machine running tests and the app side by side. */
  max?: number
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

/** The connect timeout: the option, else MODLINK_CONNECT_TIMEOUT_MS, else 10 s. */
function connectTimeoutOf(options: PostgresOptions): number {
  if (options.connectTimeout !== undefined) return options.connectTimeout
  const raw = process.env.MODLINK_CONNECT_TIMEOUT_MS
  if (raw === undefined || raw === "") return DEFAULT_CONNECT_TIMEOUT_MS
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    throw new ModlinkError(
      "INVALID_CONFIG",
      `MODLINK_CONNECT_TIMEOUT_MS must be a positive number of milliseconds, got "${raw}"`,
      {
        hint: `unset it for the default (${DEFAULT_CONNECT_TIMEOUT_MS} ms), or set e.g. MODLINK_CONNECT_TIMEOUT_MS=30000`,
      },
    )
  }
  return value
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
    private readonly limits: { connectTimeout: number; statementTimeout?: number },
  ) {}

  private failure(error: unknown, text?: string) {
    return wrapDriverError(error, { label: this.label, text, ...this.limits })
  }

  async query<Row>(query: Sql | string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const { text, values } = isSql(query) ? query.compile() : { text: query, values: params }
    try {
      const result = await this.client.query({ text, values })
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 }
    } catch (error) {
      throw this.failure(error, text)
    }
  }

  async exec(script: string): Promise<void> {
    try {
      // A parameterless query uses the simple protocol, which accepts several statements.
      await this.client.query(script)
    } catch (error) {
      throw this.failure(error)
    }
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return runInTransaction(this, work)
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
    const open = await this.begin()
    let ended = false
    try {
      yield* fetchChunks<Row>(open.db, query, size, false)
      ended = true
      await open.end("COMMIT")
    } finally {
      // Failed, or the consumer stopped early: the transaction is still open, end it.
      if (!ended) await open.end("ROLLBACK").catch(() => {})
    }
  }

  async begin(isolation?: IsolationLevel): Promise<OpenTransaction> {
    if (this.inTransaction) throw new Error("begin() on a transaction's connection: nest with transaction()")
    let client: pg.PoolClient
    try {
      client = await this.pool.connect()
    } catch (error) {
      throw this.failure(error)
    }
    let broken = false
    // A checked-out client has no pool listener: if the server goes away between two statements,
    // node-postgres emits "error" on it, which would crash the process. The failure already reaches
    // the transaction through its next statement; the connection is discarded on release.
    const onError = () => {
      broken = true
    }
    client.on("error", onError)
    const release = () => {
      client.off("error", onError)
      client.release(broken)
    }
    try {
      await client.query(beginStatement(isolation))
    } catch (error) {
      broken = true
      release()
      throw this.failure(error)
    }
    const failure = (error: unknown) => this.failure(error)
    return {
      db: new PostgresDatabase(client, this.label, this.pool, true, this.limits),
      async end(statement) {
        try {
          await client.query(statement)
        } catch (error) {
          // The connection may be mid-transaction or dead: it must not go back to the pool.
          broken = true
          throw failure(error)
        } finally {
          release()
        }
      },
    }
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

/**
 * node-postgres, required on first use rather than imported at the top, so a command that opens
 * no server connection (`--help`, `init`, a project on the embedded database) never loads it.
 */
const requirePg = (): typeof pg => createRequire(import.meta.url)("pg")

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const connectTimeout = connectTimeoutOf(options)
  const pool = new (requirePg().Pool)({
    connectionTimeoutMillis: connectTimeout,
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
  return new PostgresDatabase(pool, label, pool, false, {
    connectTimeout,
    statementTimeout: options.statementTimeout,
  })
}
