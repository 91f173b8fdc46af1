import type { Database } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"

/** What running a plan needs: the open databases by key, and the keys fetched by lookups so far. */
export interface ExecuteContext {
  readonly withDeleted: boolean
  readonly keys: Map<number, unknown[]>
  database(key: string, entity: string): Database
}

export function executeContext(
  databases: ReadonlyMap<string, Database>,
  withDeleted: boolean,
): ExecuteContext {
  return {
    withDeleted,
    keys: new Map(),
    database(key, entity) {
      const db = databases.get(key)
      if (!db) {
        throw new ModlinkError("INVALID_CONFIG", `No open database "${key}" for ${entity}`, {
          hint: `the query engine was given databases: ${[...databases.keys()].join(", ") || "(none)"}`,
        })
      }
      return db
    },
  }
}
