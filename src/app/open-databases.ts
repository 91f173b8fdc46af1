import { type Database, openDatabase } from "../db/index.ts"
import { MAIN_DATABASE } from "../schema/index.ts"
import type { LoadedModule } from "./load-modules.ts"

export interface OpenDatabasesOptions {
  cwd: string
  statementTimeout?: number
}

/**
 * Starts opening the main database, which needs only the config: the embedded one takes seconds
 * to start (WASM compile, PostgreSQL start-up), which then overlap with loading the modules.
 * The returned promise is marked handled; its failure surfaces where it is awaited.
 */
export function startMainDatabase(
  mainUrl: string | undefined,
  options: OpenDatabasesOptions,
): Promise<Database> {
  const opening = openDatabase(mainUrl, { ...options, name: MAIN_DATABASE })
  opening.catch(() => {})
  return opening
}

/**
 * Opens the main database and one per module that asks for its own; a module whose URL equals the
 * main one shares it. Returns each module's database key alongside.
 */
export async function openDatabases(
  mainUrl: string | undefined,
  modules: readonly LoadedModule[],
  options: OpenDatabasesOptions,
  mainOpening: Promise<Database> = startMainDatabase(mainUrl, options),
): Promise<{ databases: Map<string, Database>; placement: Map<string, string> }> {
  const databases = new Map<string, Database>()
  const placement = new Map<string, string>()
  const opened: Database[] = []
  try {
    const main = await mainOpening
    opened.push(main)
    databases.set(MAIN_DATABASE, main)
    for (const { definition, databaseUrl } of modules) {
      if (!databaseUrl || databaseUrl === mainUrl) {
        placement.set(definition.name, MAIN_DATABASE)
        continue
      }
      const db = await openDatabase(databaseUrl, { ...options, name: definition.name })
      opened.push(db)
      databases.set(definition.name, db)
      placement.set(definition.name, definition.name)
    }
    return { databases, placement }
  } catch (error) {
    await Promise.all(opened.map((db) => db.close()))
    throw error
  }
}
