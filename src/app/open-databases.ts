import { type Database, openDatabase } from "../db/index.ts"
import { MAIN_DATABASE } from "../schema/index.ts"
import type { LoadedModule } from "./load-modules.ts"

/**
 * Opens the main database and one per module that asks for its own; a module whose URL equals the
 * main one shares it. Returns each module's database key alongside.
 */
export async function openDatabases(
  mainUrl: string | undefined,
  modules: readonly LoadedModule[],
  options: { cwd: string; statementTimeout?: number },
): Promise<{ databases: Map<string, Database>; placement: Map<string, string> }> {
  const databases = new Map<string, Database>()
  const placement = new Map<string, string>()
  const opened: Database[] = []
  try {
    const main = await openDatabase(mainUrl, { ...options, name: MAIN_DATABASE })
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
