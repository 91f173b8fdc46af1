import { join } from "node:path"
import type { App } from "../../app/index.ts"
import { introspectSchema } from "../../db/introspect.ts"
import { diffTables } from "../../sync/diff-tables.ts"
import { migrationHistory } from "../../sync/migration-files.ts"
import { runMigrations } from "../../sync/run-migrations.ts"
import { colors } from "../output/colors.ts"

/**
 * The first part of `db:migrate`: every module's pending files under `<module>/migrations`, on the
 * module's database. Then a check that the models and the tables agree, so a forgotten
 * `db:generate` is noticed here rather than as a failing query later.
 */
export async function migrateModules(app: App, options: { dryRun: boolean }): Promise<void> {
  console.log("Running migrations…")
  const modules = app.modules.map((m) => m.definition.name)
  for (const { definition, dir } of app.modules) {
    if (!dir) continue
    const db = app.databaseOf(definition.name)
    const migrationsDir = join(dir, "migrations")
    if (options.dryRun) {
      const history = await migrationHistory(db, definition.name, migrationsDir, { modules })
      if (history.formerName) {
        console.log(`  ${definition.name}: would take over the history of ${history.formerName} (renamed)`)
      }
      for (const file of history.pending) {
        console.log(`  ${definition.name}: would apply ${file}`)
      }
      continue
    }
    const { applied, renamedFrom } = await runMigrations(db, definition.name, migrationsDir, { modules })
    if (renamedFrom) {
      console.log(
        `${colors.green("✓")} ${definition.name}: took over the migration history of ${renamedFrom} (renamed)`,
      )
    }
    for (const file of applied) console.log(`${colors.green("✓")} ${definition.name}: ${file}`)
    const actual = await introspectSchema(db, { tables: definition.tables.map((table) => table.name) })
    const drift = diffTables(definition.tables, actual)
    if (drift.length > 0) {
      console.error(
        `${colors.yellow("warning")} module ${definition.name}: ${drift.length} change(s) in its models are in no migration yet (${drift[0].description}${drift.length > 1 ? ", …" : ""}): run \`modlink db:generate ${definition.name}\``,
      )
    }
  }
  console.log(options.dryRun ? colors.dim("Dry run: no migration was applied.") : "Migrations completed.")
}
