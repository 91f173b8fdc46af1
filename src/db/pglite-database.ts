import { existsSync, mkdirSync, statSync } from "node:fs"
import { dirname } from "node:path"
import type { PGlite, Transaction } from "@electric-sql/pglite"
import { ModlinkError } from "../errors/index.ts"
import { fetchChunks } from "./cursor.ts"
import type { Database, IsolationLevel, OpenTransaction, QueryResult } from "./database.ts"
import { wrapDriverError } from "./driver-error.ts"
import { type FolderLock, type FolderLockOptions, type LockHolder, lockFolder } from "./folder-lock.ts"
import { PGLITE_OPTIONS, prepareDataFolder } from "./pglite-template.ts"
import { beginStatement, runInTransaction } from "./run-in-transaction.ts"
import { isSql, type Sql } from "./sql.ts"
import { delayWasmTierUp } from "./wasm-tiering.ts"

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
    private readonly lock?: FolderLock,
  ) {}

  async query<Row>(query: Sql | string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const { text, values } = isSql(query) ? query.compile() : { text: query, values: params }
    try {
      const result = await this.runner.query<Row>(text, values)
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length }
    } catch (error) {
      throw wrapDriverError(error, { label: this.label, text })
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
    try {
      if (!this.root.closed) await this.root.close()
    } finally {
      this.lock?.release()
    }
  }
}

const announce = (line: string) => process.stderr.write(`${line}\n`)

/** Tells the user why the command is not starting yet: another process holds the folder. */
function announceWait(dir: string) {
  return (holder: LockHolder | undefined) => {
    const who = holder ? `process ${holder.pid} (${holder.command})` : "another process"
    announce(`waiting for ${who}, which holds the embedded database ${dir}…`)
  }
}

/**
 * Opens PGlite stored in `dataDir`, or in memory when no folder is given (tests). A folder is
 * locked for this process until close: see folder-lock.ts for why.
 */
export async function openPglite(dataDir?: string, options: FolderLockOptions = {}): Promise<Database> {
  delayWasmTierUp()
  // Loaded here, not at the top: a project on the server never pays for the WASM build.
  const { PGlite } = await import("@electric-sql/pglite")
  if (!dataDir) {
    const db = new PGlite()
    await db.waitReady
    return new PgliteDatabase(db, db, "pglite:memory", false)
  }
  ensureFolder(dataDir)
  const lock = await lockFolder(dataDir, { onWait: announceWait(dataDir), ...options })
  try {
    await prepareDataFolder(dataDir, PGLITE_OPTIONS, announce)
    const db = new PGlite(dataDir, PGLITE_OPTIONS)
    await db.waitReady
    return new PgliteDatabase(db, db, `pglite:${dataDir}`, false, lock)
  } catch (error) {
    lock.release()
    throw wrapDriverError(error, `pglite:${dataDir}`)
  }
}

/**
 * Creates the data folder itself, not its parents: a missing parent is far more often a typo in
 * the URL than a wish for a new tree of folders.
 */
function ensureFolder(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new ModlinkError("INVALID_CONFIG", `The embedded database folder ${dir} is a file`, {
        hint: "pglite:<folder> names a folder (created if its parent exists); pick another path",
      })
    }
    return
  }
  if (!existsSync(dirname(dir))) {
    throw new ModlinkError(
      "INVALID_CONFIG",
      `The embedded database folder ${dir} cannot be created: ${dirname(dir)} does not exist`,
      {
        hint: `check the path in the pglite: URL, or create the parent first: mkdir -p ${dirname(dir)}`,
      },
    )
  }
  mkdirSync(dir)
}
