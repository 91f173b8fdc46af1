import type { Database } from "../../db/database.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ModuleDefinition } from "../../module/index.ts"
import { introspectSchema } from "../../sync/catalog/introspect.ts"
import { baselineState } from "../../sync/migrations/baseline.ts"
import { migrationFiles, migrationHistory, recordMigrations } from "../../sync/migrations/migration-files.ts"
import { colors } from "../output/colors.ts"

/** A module whose migration files are to be recorded as applied rather than run. */
export interface Baseline {
  module: string
  db: Database
  files: string[]
  /** Why: the tables match, or `--baseline` despite these differences. */
  differences: string[]
}

/**
 * A module none of whose migrations ever ran, on a database that already has its tables (a Medusa
 * database, one made by hand, a restored dump): running its first migration would fail on
 * `create table`. When the tables match its models, the files are to be recorded as applied
 * instead; when they partly match, this throws with the differences, unless `force` (`--baseline
 * <module>`, once the user has read them). Only reads, so every module is checked before any runs.
 */
export async function planBaseline(
  db: Database,
  definition: ModuleDefinition,
  migrationsDir: string,
  force: boolean,
  /** Every module the app loads: a renamed module's history, recorded under its former name, counts. */
  modules?: readonly string[],
): Promise<Baseline | undefined> {
  const files = migrationFiles(migrationsDir)
  if (files.length === 0) return undefined
  const history = await migrationHistory(db, definition.name, migrationsDir, { modules })
  if (history.applied.size > 0) return undefined
  const actual = await introspectSchema(db, { tables: definition.tables.map((table) => table.name) })
  const state = baselineState(definition.tables, actual)
  if (state.kind === "fresh") return undefined
  const differences = state.kind === "partial" ? state.differences : []
  if (differences.length > 0 && !force) {
    throw new ModlinkError(
      "BASELINE_DRIFT",
      `Module ${definition.name} has never been migrated here, but some of its tables already exist and differ from its models:\n${indent(differences)}`,
      {
        hint: `make the tables match (or change the models and run \`modlink db:generate ${definition.name}\` on an empty database), or record its migrations as applied anyway with \`modlink db:migrate --baseline ${definition.name}\``,
        details: { module: definition.name, differences },
      },
    )
  }
  return { module: definition.name, db, files, differences }
}

/** Records the files (or, in a dry run, says it would) and tells why. */
export async function applyBaseline(baseline: Baseline, dryRun: boolean): Promise<void> {
  const { module, files, differences } = baseline
  const what = `${files.length} migration file${files.length === 1 ? "" : "s"}`
  const why = differences.length
    ? `--baseline, despite:\n${indent(differences)}`
    : "its tables already match its models"
  if (dryRun) {
    console.log(`  ${module}: would record ${what} as applied without running them (${why})`)
    return
  }
  await recordMigrations(baseline.db, module, files)
  console.log(`${colors.green("✓")} ${module}: baselined, ${what} recorded as applied (${why})`)
}

function indent(lines: readonly string[]): string {
  return lines.map((line) => `    ${line}`).join("\n")
}
