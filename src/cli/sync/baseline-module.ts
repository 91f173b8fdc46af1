import type { Database } from "../../db/database.ts"
import { introspectSchema } from "../../db/introspect.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ModuleDefinition } from "../../module/index.ts"
import { baselineState } from "../../sync/baseline.ts"
import { appliedMigrations, migrationFiles, recordMigrations } from "../../sync/migration-files.ts"
import { colors } from "../output/colors.ts"

/**
 * A module none of whose migrations ever ran, on a database that already has its tables (a Medusa
 * database, one made by hand, a restored dump): running its first migration would fail on
 * `create table`. When the tables match its models, the files are recorded as applied instead and
 * the run says so; when they partly match, the run stops with the differences, and `--baseline
 * <module>` records them anyway once the user has read them. Returns whether the module was (or,
 * in a dry run, would be) baselined.
 */
export async function baselineModule(
  db: Database,
  definition: ModuleDefinition,
  migrationsDir: string,
  options: { dryRun: boolean; force: boolean },
): Promise<boolean> {
  const files = migrationFiles(migrationsDir)
  if (files.length === 0 || (await appliedMigrations(db, definition.name)).size > 0) return false
  const actual = await introspectSchema(db, { tables: definition.tables.map((table) => table.name) })
  const state = baselineState(definition.tables, actual)
  if (state.kind === "fresh") return false
  const report = state.kind === "partial" ? state.differences.map((line) => `    ${line}`).join("\n") : ""
  if (state.kind === "partial" && !options.force) {
    throw new ModlinkError(
      "BASELINE_DRIFT",
      `Module ${definition.name} has never been migrated here, but some of its tables already exist and differ from its models:\n${report}`,
      {
        hint: `make the tables match (or change the models and run \`modlink db:generate ${definition.name}\` on an empty database), or record its migrations as applied anyway with \`modlink db:migrate --baseline ${definition.name}\``,
        details: { module: definition.name, differences: state.differences },
      },
    )
  }
  const what = `${files.length} migration file${files.length === 1 ? "" : "s"}`
  const why = state.kind === "match" ? "its tables already match its models" : "--baseline, despite:\n" + report
  if (options.dryRun) {
    console.log(`  ${definition.name}: would record ${what} as applied without running them (${why})`)
    return true
  }
  await recordMigrations(db, definition.name, files)
  console.log(`${colors.green("✓")} ${definition.name}: baselined, ${what} recorded as applied (${why})`)
  return true
}
