import { join } from "node:path"
import type { App } from "../../app/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import { introspectSchema } from "../../sync/catalog/introspect.ts"
import { migrationHistory } from "../../sync/migrations/migration-files.ts"
import { runMigrations } from "../../sync/migrations/run-migrations.ts"
import { diffTables } from "../../sync/tables/diff-tables.ts"
import { colors } from "../output/colors.ts"
import { applyBaseline, type Baseline, planBaseline } from "./baseline-module.ts"

export interface MigrateModulesOptions {
  dryRun: boolean
  /** Modules whose migrations are recorded as applied even though their tables differ. */
  baseline?: readonly string[]
}

/**
 * The first part of `db:migrate`: every module's pending files under `<module>/migrations`, on the
 * module's database. A module whose tables already exist is baselined instead (see
 * baseline-module.ts). Then a check that the models and the tables agree, so a forgotten
 * `db:generate` is noticed here rather than as a failing query later.
 */
export async function migrateModules(app: App, options: MigrateModulesOptions): Promise<void> {
  console.log("Running migrations…")
  const forced = new Set(options.baseline ?? [])
  const names = app.modules.map(({ definition }) => definition.name)
  for (const name of forced) {
    if (!names.includes(name)) {
      throw new ModlinkError(
        "INVALID_INPUT",
        `--baseline names module "${name}", which the config does not load`,
        {
          hint: suggest(name, names, "modules"),
        },
      )
    }
  }
  const placed = app.modules.flatMap(({ definition, dir }) =>
    dir ? [{ definition, db: app.databaseOf(definition.name), migrationsDir: join(dir, "migrations") }] : [],
  )
  // Every module is checked before any migration runs: a drift refuses the whole run, not half of it.
  const baselines = new Map<string, Baseline>()
  for (const { definition, db, migrationsDir } of placed) {
    const baseline = await planBaseline(db, definition, migrationsDir, forced.has(definition.name), names)
    if (baseline) baselines.set(definition.name, baseline)
  }
  for (const { definition, db, migrationsDir } of placed) {
    const baseline = baselines.get(definition.name)
    if (baseline) await applyBaseline(baseline, options.dryRun)
    if (options.dryRun) {
      if (baseline) continue
      const history = await migrationHistory(db, definition.name, migrationsDir, { modules: names })
      if (history.formerName) {
        console.log(`  ${definition.name}: would take over the history of ${history.formerName} (renamed)`)
      }
      for (const file of history.pending) {
        console.log(`  ${definition.name}: would apply ${file}`)
      }
      continue
    }
    const { applied, renamedFrom } = await runMigrations(db, definition.name, migrationsDir, {
      modules: names,
    })
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
