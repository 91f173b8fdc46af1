import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"
import { ModlinkError } from "../../errors/index.ts"
import {
  ensureMigrationsTable,
  type HistoryOptions,
  MIGRATIONS_TABLE,
  migrationHistory,
} from "./migration-files.ts"

export interface RunMigrationsResult {
  /** File names applied by this run, in order. */
  applied: string[]
  /** The former module name whose history this run took over (the module was renamed). */
  renamedFrom?: string
}

/**
 * Applies the pending migration files of a module, each in its own transaction together with its
 * row in `modlink_migrations`. A failing file is rolled back and stops the run; the files before
 * it stay applied. The row is inserted first, so a concurrent run waits on it and then skips.
 * Every file of one run shares a batch number, which `db:rollback` reverts as one.
 */
export async function runMigrations(
  db: Database,
  moduleName: string,
  migrationsDir: string,
  options: HistoryOptions = {},
): Promise<RunMigrationsResult> {
  const { pending, formerName } = await migrationHistory(db, moduleName, migrationsDir, options)
  const applied: string[] = []
  const renamed = formerName ? { renamedFrom: formerName } : {}
  if (pending.length === 0 && !formerName) return { applied }
  await ensureMigrationsTable(db)
  const table = sql.id(MIGRATIONS_TABLE)
  if (formerName) {
    await db.query(sql`update ${table} set module = ${moduleName} where module = ${formerName}`)
  }
  const { rows } = await db.query<{ batch: number }>(
    sql`select coalesce(max(batch), 0)::int + 1 as batch from ${table} where module = ${moduleName}`,
  )
  const batch = rows[0].batch
  for (const name of pending) {
    const script = readFileSync(join(migrationsDir, name), "utf8")
    try {
      const ran = await db.transaction(async (tx) => {
        const claimed = await tx.query(
          sql`insert into ${table} (module, name, batch) values (${moduleName}, ${name}, ${batch}) on conflict do nothing`,
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
  return { applied, ...renamed }
}
