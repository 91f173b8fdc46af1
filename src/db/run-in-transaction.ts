import type { Database, OpenTransaction } from "./database.ts"
import { wrapDriverError } from "./driver-error.ts"

/**
 * `Database.transaction` for every driver: begin, run, commit; roll back when `work` throws. A
 * rollback that fails (the connection died) leaves the first error as the one reported.
 */
export async function runInTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  if (db.inTransaction) return work(db)
  const open: OpenTransaction = await db.begin()
  let result: T
  try {
    result = await work(open.db)
  } catch (error) {
    await open.end("ROLLBACK").catch(() => {})
    throw wrapDriverError(error, db.label)
  }
  await open.end("COMMIT")
  return result
}

/** `BEGIN ISOLATION LEVEL …`: the level is one of ISOLATION_LEVELS, checked by the caller. */
export const beginStatement = (isolation?: string): string =>
  isolation ? `BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}` : "BEGIN"
