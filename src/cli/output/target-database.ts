import type { App } from "../../app/index.ts"
import type { Database } from "../../db/database.ts"
import { MAIN_DATABASE } from "../../schema/link-entities.ts"
import { colors } from "./colors.ts"

/** How a database is named to the user: its URL with the password hidden, or the embedded folder. */
export function describeDatabase(db: Database): string {
  return db.kind === "pglite" ? `embedded PostgreSQL (${db.label})` : db.label
}

/**
 * The databases a command is about to change, before it changes them: a migration run against
 * the wrong DATABASE_URL is then visible in the first line of its output.
 */
export function printTargetDatabases(app: App): void {
  console.log(colors.dim(`database: ${describeDatabase(app.db)}`))
  for (const [module, key] of app.placement) {
    const db = app.databases.get(key)
    if (key !== MAIN_DATABASE && db) console.log(colors.dim(`database of ${module}: ${describeDatabase(db)}`))
  }
}
