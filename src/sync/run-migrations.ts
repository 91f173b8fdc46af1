import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { Database } from "../db/database.ts"
import { sql } from "../db/sql.ts"
import { ModlinkError } from "../errors/index.ts"
import { ensureMigrationsTable, MIGRATIONS_TABLE, pendingMigrations } from "./migration-files.ts"

export interface RunMigrationsResult {
  /** File names applied by this run, in order. */
  applied: string[]
}

/**
 * Applies the pending migration files of a module, each in its own transaction together with its
 * row in `modlink_migrations`. A failing file is rolled back and stops the run; the files before
 * it stay applied. The row is inserted first, so a concurrent run waits on it and then skips.
 */
export async function runMigrations(
  db: Database,
  moduleName: string,
  migrationsDir: string,
): Promise<RunMigrationsResult> {
  const pending = await pendingMigrations(db, moduleName, migrationsDir)
  const applied: string[] = []
  if (pending.length === 0) return { applied }
  await ensureMigrationsTable(db)
  for (const name of pending) {
    const script = readFileSync(join(migrationsDir, name), "utf8")
    try {
      const ran = await db.transaction(async (tx) => {
        const claimed = await tx.query(
          sql`insert into ${sql.id(MIGRATIONS_TABLE)} (module, name) values (${moduleName}, ${name}) on conflict do nothing`,
        )
        if (claimed.rowCount === 0) return false
        await tx.exec(script)
        return true
      })
      if (ran) applied.push(name)
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error)
      throw new ModlinkError(
        "MIGRATION_FAILED",
        `Migration ${name} of module ${moduleName} failed: ${reason}`,
        {
          hint: `the file was rolled back${applied.length ? `; applied before it: ${applied.join(", ")}` : ""}. Fix ${join(migrationsDir, name)} and run again`,
          details: { file: name, applied },
          cause: error,
        },
      )
    }
  }
  return { applied }
}
