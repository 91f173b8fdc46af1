import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import type { App } from "../../app/index.ts"
import { moduleTables } from "../../dml/table-schemas.ts"
import { ModlinkError } from "../../errors/index.ts"
import { introspectSchema } from "../../sync/catalog/introspect.ts"
import { writeMigrationFile } from "../../sync/migrations/generate-migration.ts"
import { migrationFiles, recordMigrations } from "../../sync/migrations/migration-files.ts"
import { buildModels } from "../../sync/pull/build-models.ts"
import { lineDiff } from "../../sync/pull/line-diff.ts"
import { pickTables } from "../../sync/pull/pick-tables.ts"
import { readTables } from "../../sync/pull/read-tables.ts"
import { renderModule } from "../../sync/pull/render-module.ts"
import { diffTables } from "../../sync/tables/diff-tables.ts"
import { colors } from "../output/colors.ts"

export interface PullOptions {
  module: string
  tables?: readonly string[]
  force: boolean
}

/**
 * `db:pull`: tables → module files and a first migration recorded as applied (the tables are
 * already there). A file that exists and differs is never overwritten without `--force`: its
 * difference is shown instead, since the user may have edited it. Exits 1 when a difference was
 * left unwritten, so a script notices.
 */
export async function pullModule(app: App, options: PullOptions): Promise<number> {
  if (!/^[a-z][a-z0-9_]*$/.test(options.module)) {
    throw new ModlinkError("INVALID_INPUT", `"${options.module}" is not a module name`, {
      hint: "use lower case letters, digits and underscores, starting with a letter (e.g. shop)",
    })
  }
  // The module being pulled again owns its tables too, but they are the ones to read.
  const others = app.modules.filter(({ definition }) => definition.name !== options.module)
  const owned = new Set([
    ...others.flatMap(({ definition }) => definition.tables.map((table) => table.name)),
    ...app.links.flatMap((link) => (link.table ? [link.table] : [])),
  ])
  const tables = pickTables(await introspectSchema(app.db), owned, options.tables)
  if (tables.length === 0) {
    console.log("No table to pull: every table belongs to a module or a link already.")
    return 0
  }
  const pulled = readTables(options.module, tables)
  const models = buildModels(pulled)
  const files = renderModule(pulled, new Date().toISOString().slice(0, 10))
  let withheld = 0
  for (const [path, content] of files) {
    const target = join(app.cwd, path)
    const current = existsSync(target) ? readFileSync(target, "utf8") : undefined
    if (current === content || (current !== undefined && sameButDate(current, content))) {
      console.log(colors.dim(`  unchanged ${path}`))
      continue
    }
    if (current !== undefined && !options.force) {
      withheld++
      console.log(`${colors.yellow("!")} ${path} differs from what the tables give (not written):`)
      for (const line of lineDiff(current, content)) console.log(`    ${line}`)
      continue
    }
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, content)
    console.log(`${colors.green("✓")} ${current === undefined ? "wrote" : "overwrote"} ${path}`)
  }
  const migrationsDir = join(app.cwd, "src/modules", options.module, "migrations")
  if (migrationFiles(migrationsDir).length === 0) {
    const changes = diffTables(moduleTables(models), { schema: "public", tables: new Map() })
    const file = writeMigrationFile(
      migrationsDir,
      options.module,
      changes,
      new Date(),
      "Written by `modlink db:pull` from tables that exist, and recorded as applied there: it creates them on a new database.",
    )
    await recordMigrations(app.db, options.module, [relative(migrationsDir, file)])
    console.log(
      `${colors.green("✓")} wrote ${relative(app.cwd, file)}, recorded as applied (its tables exist)`,
    )
  }
  for (const note of pulled.notes) console.log(colors.dim(`  ${note}`))
  const listed = app.modules.some(({ definition }) => definition.name === options.module)
  if (!listed) console.log(`Add "./src/modules/${options.module}" to modules in modlink.config.ts.`)
  if (withheld > 0) {
    console.log(`${withheld} file(s) left as they are: edit them, or run again with --force to overwrite.`)
    return 1
  }
  return 0
}

/** The files carry the date they were written on; a later run on the same tables is no change. */
function sameButDate(current: string, content: string): boolean {
  const undated = (text: string) => text.replace(/on \d{4}-\d{2}-\d{2}/g, "on <date>")
  return undated(current) === undated(content)
}
