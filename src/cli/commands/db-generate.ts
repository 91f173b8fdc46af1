import { relative } from "node:path"
import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { runCommand } from "../run-command.ts"

export function registerDbGenerate(program: Command): void {
  program
    .command("db:generate")
    .description(
      "write a migration file (and its .down.sql) for each module whose models differ from its tables",
    )
    .argument("<module...>", "module names, e.g. blog")
    .addHelpText(
      "after",
      examples(
        ["modlink db:generate blog", "writes src/modules/blog/migrations/<timestamp>_blog.sql if needed"],
        ["modlink db:generate blog shop", "one file per module that changed"],
      ),
    )
    .action((names: string[], _flags: unknown, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          const { generateMigration } = await import("../../sync/migrations/generate-migration.ts")
          const { projectModule } = await import("../sync/project-module.ts")
          for (const name of names) {
            const { definition, migrationsDir } = projectModule(app, name)
            const { file, changes } = await generateMigration(
              app.databaseOf(name),
              definition.tables,
              migrationsDir,
              name,
              { modules: app.modules.map((m) => m.definition.name) },
            )
            if (!file) {
              console.log(`${name}: no changes`)
              continue
            }
            console.log(`${colors.green("✓")} ${name}: ${relative(app.cwd, file)}`)
            for (const change of changes) {
              const mark = change.risk === "safe" ? " " : colors.yellow("!")
              console.log(`  ${mark} ${change.description}`)
            }
          }
          console.log(colors.dim("Review the files, then run `modlink db:migrate`."))
          return 0
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
