import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { examples } from "../output/help.ts"
import { runCommand } from "../run-command.ts"

interface PullFlags {
  tables?: string
  module: string
  force?: boolean
}

export function registerDbPull(program: Command): void {
  program
    .command("db:pull")
    .description("write a module (models, service, first migration) from tables that exist in the database")
    .option("--tables <names>", "comma-separated tables (default: every table no module or link owns)")
    .option("--module <name>", "name of the module to write under src/modules/", "db")
    .option("--force", "overwrite files that differ from what the tables give (default: show the difference)")
    .addHelpText(
      "after",
      examples(
        ["modlink db:pull --module shop", "every table no module owns → src/modules/shop"],
        ["modlink db:pull --tables author,book --module library", "only these tables"],
        ["modlink db:pull --module shop", "again after a schema change: shows what differs, writes nothing"],
      ),
    )
    .action((flags: PullFlags, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          const { pullModule } = await import("../sync/pull-module.ts")
          return pullModule(app, {
            module: flags.module,
            tables: flags.tables
              ?.split(",")
              .map((name) => name.trim())
              .filter(Boolean),
            force: Boolean(flags.force),
          })
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
