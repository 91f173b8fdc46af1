import type { Database } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import { type CompileContext, compileContext } from "../compile/compile-context.ts"

/**
 * What running a plan needs: the open databases by key, and what lookups fetched so far (keys, and
 * the ranks of sort lookups), by lookup id.
 */
export interface ExecuteContext {
  readonly withDeleted: boolean
  readonly keys: Map<number, unknown[]>
  readonly ranks: Map<number, unknown[]>
  database(key: string, entity: string): Database
}

export function executeContext(
  databases: ReadonlyMap<string, Database>,
  withDeleted: boolean,
): ExecuteContext {
  return {
    withDeleted,
    keys: new Map(),
    ranks: new Map(),
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

/** A fresh compile context for one statement, reading what the lookups fetched. */
export function compileFor(exec: ExecuteContext): CompileContext {
  return compileContext(exec.withDeleted, {
    keys: (id) => exec.keys.get(id),
    ranks: (id) => exec.ranks.get(id),
  })
}
