import { ISOLATION_LEVELS, type IsolationLevel } from "../db/index.ts"
import { ModlinkError, suggest } from "../errors/index.ts"

/** Options of `app.transaction(fn, options)`. */
export interface TransactionOptions {
  /** PostgreSQL's isolation level for every database the transaction touches; the server's default otherwise. */
  isolationLevel?: IsolationLevel
  /**
   * How many more times to run the callback after PostgreSQL aborted the transaction for a
   * serialization failure or a deadlock (0 by default: the conflict is thrown). Opt in only when the
   * callback is safe to run again: everything it did in the database is undone, but not what it did
   * elsewhere (emails, HTTP calls, variables).
   */
  retries?: number
}

export const MAX_RETRIES = 10

export function readTransactionOptions(
  options: TransactionOptions = {},
): Required<Pick<TransactionOptions, "retries">> & TransactionOptions {
  const { isolationLevel, retries = 0 } = options
  if (isolationLevel !== undefined && !ISOLATION_LEVELS.includes(isolationLevel)) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `Unknown isolation level ${JSON.stringify(isolationLevel)} for app.transaction`,
      {
        hint: suggest(String(isolationLevel), [...ISOLATION_LEVELS], "isolation levels"),
      },
    )
  }
  if (!Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `retries of app.transaction must be an integer from 0 to ${MAX_RETRIES}, got ${String(retries)}`,
      {
        hint: "retries re-run the whole callback after a serialization failure or deadlock; 3 is plenty",
      },
    )
  }
  return { isolationLevel, retries }
}
