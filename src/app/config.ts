import type { ModuleDefinition } from "../module/index.ts"

/** A module entry: a path (`./src/modules/blog`), a package (`modlink/product`), or either with its own database. */
export type ModuleEntry =
  | string
  | ModuleDefinition
  | {
      resolve: string | ModuleDefinition
      databaseUrl?: string
      /** Streaming replicas of `databaseUrl`: the module's reads go there (see `replicas` below). */
      replicas?: string[]
    }

export interface ModlinkConfig {
  /** The main database (links live here). Defaults to `DATABASE_URL`, then the embedded PGlite. */
  databaseUrl?: string
  /**
   * Streaming replicas of the main database (server URLs). `query.graph`, `query.stream` and the
   * services' `list*`/`retrieve*` read from them in turn, skipping one that is down; writes, link
   * calls and transactions use the primary, as does a read passing `{ consistency: "primary" }`.
   */
  replicas?: string[]
  modules: ModuleEntry[]
  /** Milliseconds after which PostgreSQL cancels a statement. */
  statementTimeout?: number
}

/** Typed identity for `modlink.config.ts`. */
export function defineConfig(config: ModlinkConfig): ModlinkConfig {
  return config
}
