import { PGlite, type Transaction } from "@electric-sql/pglite"
import { fetchChunks } from "./cursor.ts"
import type { Database, IsolationLevel, OpenTransaction, QueryResult } from "./database.ts"
import { wrapDriverError } from "./driver-error.ts"
import { beginStatement, runInTransaction } from "./run-in-transaction.ts"
import { isSql, type Sql } from "./sql.ts"

type Runner = PGlite | Transaction

/**
 * PGlite (PostgreSQL compiled to WASM) behind the Database interface: the zero-setup database.
 * PGlite runs one statement at a time, so concurrent callers simply queue.
 */
class PgliteDatabase implements Database {
  readonly kind = "pglite" as const

  constructor(
    private readonly runner: Runner,
    private readonly root: PGlite,
    readonly label: string,
    readonly inTransaction: boolean,
  ) {}

  async query<Row>(query: Sql | string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const { text, values } = isSql(query) ? query.compile() : { text: query, values: params }
    try {
      const result = await this.runner.query<Row>(text, values)
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length }
    } catch (error) {
      throw wrapDriverError(error, this.label, text)
    }
  }

  /**
   * Outside a transaction the cursor is holdable: PGlite runs one statement at a time for everyone,
   * so a transaction held open across the consumer's loop would stall any query the loop itself
   * makes on this database. A holdable cursor's rows are kept by PostgreSQL (spilling to its own
   * files past work_mem), never in JavaScript; each FETCH is a statement of its own.
   */
  cursor<Row>(query: Sql, size: number): AsyncGenerator<Row[]> {
    return fetchChunks<Row>(this, query, size, !this.inTransaction)
  }

  async exec(script: string): Promise<void> {
    try {
      await this.runner.exec(script)
    } catch (error) {
      throw wrapDriverError(error, this.label)
    }
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return runInTransaction(this, work)
  }

  /**
   * PGlite ends a transaction when its callback settles, so the callback waits for `end`: the
   * one connection stays held (other callers queue) until then.
   */
  async begin(isolation?: IsolationLevel): Promise<OpenTransaction> {
    if (this.inTransaction) throw new Error("begin() on a transaction's connection: nest with transaction()")
    let settle!: (statement: string) => void
    const ended = new Promise<string>((resolve) => {
      settle = resolve
    })
    let opened!: (tx: Transaction) => void
    const started = new Promise<Transaction>((resolve) => {
      opened = resolve
    })
    const done = this.root
      .transaction(async (tx) => {
        opened(tx)
        const statement = await ended
        if (statement === "ROLLBACK") await tx.rollback()
        else if (statement !== "COMMIT") throw new Error(`PGlite cannot end a transaction with ${statement}`)
      })
      .catch((error) => {
        throw wrapDriverError(error, this.label)
      })
    // A failed BEGIN rejects `done` before the callback runs.
    const tx = await Promise.race([started, done.then(() => undefined as never)])
    const db = new PgliteDatabase(tx, this.root, this.label, true)
    if (isolation) await db.query(beginStatement(isolation).replace("BEGIN", "SET TRANSACTION"))
    return {
      db,
      async end(statement) {
        settle(statement)
        await done
      },
    }
  }

  async close(): Promise<void> {
    if (!this.root.closed) await this.root.close()
  }
}

/** Opens PGlite stored in `dataDir`, or in memory when no folder is given (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite()
  await db.waitReady
  return new PgliteDatabase(db, db, dataDir ? `pglite:${dataDir}` : "pglite:memory", false)
}
