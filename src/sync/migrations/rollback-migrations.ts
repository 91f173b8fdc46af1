import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { Database } from "../../db/database.ts"
import { sql } from "../../db/sql.ts"
import { ModlinkError } from "../../errors/index.ts"
import { downScriptName, MIGRATIONS_TABLE } from "./migration-files.ts"

export interface RollbackResult {
  /** The files reverted, newest first. */
  reverted: string[]
}

/**
 * Reverts the last batch of a module (the files one `db:migrate` applied), newest first, by
 * running each file's `.down.sql` and forgetting it, all in one transaction: a failing down
 * script leaves the database and the history as they were. Refuses before running anything when
 * a file of the batch has no down script.
 */
export async function rollbackMigrations(
  db: Database,
  moduleName: string,
  migrationsDir: string,
): Promise<RollbackResult> {
  const exists = await db.query<{ found: boolean }>(
    sql`select to_regclass(${MIGRATIONS_TABLE}) is not null as found`,
  )
  const table = sql.id(MIGRATIONS_TABLE)
  const { rows } = exists.rows[0]?.found
    ? await db.query<{ name: string }>(sql`
        select name from ${table}
        where module = ${moduleName}
          and coalesce(batch, 0) = (select max(coalesce(batch, 0)) from ${table} where module = ${moduleName})
        order by name desc`)
    : { rows: [] }
  if (rows.length === 0) {
    throw new ModlinkError("MIGRATION_FAILED", `Module ${moduleName} has no applied migration to roll back`, {
      hint: "`modlink db:status` lists what is applied",
    })
  }
  const files = rows.map((row) => row.name)
  const missing = files.filter((file) => !existsSync(join(migrationsDir, downScriptName(file))))
  if (missing.length > 0) {
    throw new ModlinkError(
      "MIGRATION_FAILED",
      `Cannot roll back module ${moduleName}: no down script for ${missing.join(", ")}`,
      {
        hint: `write ${missing.map(downScriptName).join(", ")} in ${migrationsDir} (db:generate writes one beside each file it generates); nothing was changed`,
      },
    )
  }
  await db.transaction(async (tx) => {
    for (const file of files) {
      try {
        await tx.exec(readFileSync(join(migrationsDir, downScriptName(file)), "utf8"))
      } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error)
        throw new ModlinkError(
          "MIGRATION_FAILED",
          `Rollback of ${file} (module ${moduleName}) failed: ${reason}`,
          {
            hint: `nothing was changed (the rollback runs in one transaction). Fix ${downScriptName(file)} and run again`,
            cause: error,
          },
        )
      }
    }
    await tx.query(sql`delete from ${table} where module = ${moduleName} and name = any(${files}::text[])`)
  })
  return { reverted: files }
}
