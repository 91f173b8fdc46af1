import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { runCommand } from "../run-command.ts"

export function registerDbRollback(program: Command): void {
  program
    .command("db:rollback")
    .description("revert the last batch of migrations of each module named, with their .down.sql scripts")
    .argument("<module...>", "module names, e.g. blog")
    .addHelpText(
      "after",
      examples(
        ["modlink db:rollback blog", "reverts the files the last db:migrate applied to blog"],
        ["modlink db:status", "what is applied, before and after"],
      ),
    )
    .action((names: string[], _flags: unknown, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          const { rollbackMigrations } = await import("../../sync/migrations/rollback-migrations.ts")
          const { projectModule } = await import("../sync/project-module.ts")
          for (const name of names) {
            const { migrationsDir } = projectModule(app, name)
            const { reverted } = await rollbackMigrations(app.databaseOf(name), name, migrationsDir)
            for (const file of reverted) console.log(`${colors.green("✓")} ${name}: reverted ${file}`)
          }
          console.log(colors.dim("Link tables are untouched: run `modlink db:sync-links` if links changed."))
          return 0
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
