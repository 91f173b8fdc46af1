import type { Database } from "./database.ts"

/**
 * Runs `work` as one unit: in a transaction when it issues several statements. A single statement
 * is atomic on its own, and running it bare saves the BEGIN and COMMIT round trips, which are most
 * of the cost of a small call.
 */
export function atomically<T>(
  db: Database,
  statements: number,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  return statements === 1 ? work(db) : db.transaction(work)
}
