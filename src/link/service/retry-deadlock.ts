import { isTransactionConflict } from "../../db/index.ts"

const ATTEMPTS = 5

/**
 * Runs a link service write again when PostgreSQL broke a deadlock by aborting it. Writes lock rows
 * and unique-index entries in a fixed order (tables by name, pairs sorted), which makes deadlocks
 * rare, but two batches conflicting on both columns of a 1:1 link can still wait on each other.
 * The aborted transaction left nothing behind and every write here is idempotent, so running it
 * again is the same call; after a few attempts the error is the caller's.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransactionConflict(error)) throw error
      // Jitter, so the two victims of one deadlock do not meet again at the same instant.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
    }
  }
}
