import { join, relative } from "node:path"
import type { Command } from "commander"
import type { App } from "../../app/index.ts"
import { globalOptions, withApp } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { printWarnings } from "../output/warnings.ts"
import { EXIT, runCommand } from "../run-command.ts"

/** Counts of what is left to do; any of them non-zero makes `db:status` exit 3. */
interface Outstanding {
  pending: number
  drift: number
  links: number
}

async function moduleStatus(app: App, outstanding: Outstanding): Promise<void> {
  const { introspectSchema } = await import("../../sync/catalog/introspect.ts")
  const { diffTables } = await import("../../sync/tables/diff-tables.ts")
  const { migrationHistory } = await import("../../sync/migrations/migration-files.ts")
  const modules = app.modules.map((m) => m.definition.name)
  for (const { definition, dir } of app.modules) {
    if (!dir) continue
    const db = app.databaseOf(definition.name)
    const history = await migrationHistory(db, definition.name, join(dir, "migrations"), { modules })
    console.log(`${definition.name} ${colors.dim(`(${relative(app.cwd, dir) || "."})`)}`)
    if (history.formerName)
      console.log(`  history recorded as ${history.formerName}: db:migrate takes it over`)
    const applied = [...history.applied].sort()
    for (const file of applied) console.log(`  ${colors.green("applied")}  ${file}`)
    for (const file of history.pending) console.log(`  ${colors.yellow("pending")}  ${file}`)
    outstanding.pending += history.pending.length
    if (history.pending.length > 0) {
      console.log(colors.dim("  drift: checked once the pending files are applied (`modlink db:migrate`)"))
      continue
    }
    const actual = await introspectSchema(db, { tables: definition.tables.map((t) => t.name) })
    const drift = diffTables(definition.tables, actual)
    for (const change of drift) console.log(`  ${colors.yellow("drift")}    ${change.description}`)
    if (drift.length > 0)
      console.log(
        colors.dim(`  models differ from the migrations: run \`modlink db:generate ${definition.name}\``),
      )
    if (applied.length === 0 && drift.length === 0) console.log(colors.dim("  no migrations"))
    outstanding.drift += drift.length
  }
}

export function registerDbStatus(program: Command): void {
  program
    .command("db:status")
    .description("per module: applied and pending migrations, drift from the models; then the link plan")
    .addHelpText(
      "after",
      `${examples(
        ["modlink db:status", "what db:migrate would do, and what db:generate still has to write"],
        ["modlink db:status || exit 1", "in CI: exit code 3 when anything is pending"],
      )}\nExit codes: 0 everything applied, 3 something pending (a migration, drift, a link change), 1 error.\n`,
    )
    .action((_flags: unknown, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          printWarnings(app.warnings)
          const outstanding: Outstanding = { pending: 0, drift: 0, links: 0 }
          await moduleStatus(app, outstanding)
          const { modelRefs } = await import("../../link/model-ref.ts")
          const { planLinkSync } = await import("../../sync/links/plan-link-sync.ts")
          const { planHasWork } = await import("../../sync/links/link-plan.ts")
          const { renderPlan } = await import("../../sync/links/render-plan.ts")
          const plan = await planLinkSync(app.db, app.links, {
            models: modelRefs(app.modules.map((m) => m.definition)),
          })
          console.log("links")
          const work = plan.actions.filter((action) => action.kind !== "noop")
          outstanding.links = work.length
          if (!planHasWork(plan)) console.log(colors.dim(`  ${plan.actions.length} up to date`))
          else for (const line of renderPlan({ actions: work })) console.log(`  ${line}`)
          const { pending, drift, links } = outstanding
          if (pending + drift + links === 0) {
            console.log("Status: everything is applied.")
            return EXIT.ok
          }
          const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`
          console.log(
            `Status: ${plural(pending, "pending migration")}, ${plural(drift, "model change")} in no migration, ${plural(links, "link action")} to sync (exit code 3).`,
          )
          return EXIT.pending
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
