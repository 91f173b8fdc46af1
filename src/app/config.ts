import type { ModuleDefinition } from "../module/index.ts"

/** A module entry: a path (`./src/modules/blog`), a package (`modlink/product`), or either with its own database. */
export type ModuleEntry =
  | string
  | ModuleDefinition
  | { resolve: string | ModuleDefinition; databaseUrl?: string }

export interface ModlinkConfig {
  /** The main database (links live here). Defaults to `DATABASE_URL`, then the embedded PGlite. */
  databaseUrl?: string
  modules: ModuleEntry[]
  /** Milliseconds after which PostgreSQL cancels a statement. */
  statementTimeout?: number
}

/** Typed identity for `modlink.config.ts`. */
export function defineConfig(config: ModlinkConfig): ModlinkConfig {
  return config
}
