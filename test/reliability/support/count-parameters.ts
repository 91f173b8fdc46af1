import type { Database } from "../../../src/db/index.ts"
import { isSql } from "../../../src/db/index.ts"

/** PostgreSQL's wire protocol counts bind parameters in 16 bits. */
export const MAX_PARAMETERS = 65_535

export interface ParameterCounter {
  /** Most parameters any single statement was sent with since the counter started. */
  readonly max: number
  readonly statements: number
  stop(): void
}

/**
 * Counts the bind parameters of every statement a Database implementation runs, transactions
 * included: the class's `query` is wrapped on its prototype, which every instance (the pool-level
 * one the app holds and each transaction's) shares. `stop` puts the original back.
 */
export function countParameters(db: Database): ParameterCounter {
  const prototype = Object.getPrototypeOf(db) as { query: Database["query"] }
  const original = prototype.query
  const counter = { max: 0, statements: 0 }
  prototype.query = function (this: Database, query, params) {
    const count = isSql(query) ? query.compile().values.length : (params?.length ?? 0)
    counter.max = Math.max(counter.max, count)
    counter.statements++
    return original.call(this, query, params) as never
  }
  return {
    get max() {
      return counter.max
    },
    get statements() {
      return counter.statements
    },
    stop: () => {
      prototype.query = original
    },
  }
}
