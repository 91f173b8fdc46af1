import { relative } from "node:path"
import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { examples } from "../output/help.ts"
import { runCommand } from "../run-command.ts"

export function registerTypes(program: Command): void {
  program
    .command("types")
    .description("write modlink-env.d.ts: types of the app's modules and links for the editor and tsc")
    .addHelpText(
      "after",
      examples(
        ["modlink types", "write (or refresh) modlink-env.d.ts in the project root"],
        ["modlink -C examples/blog types", "the same for another project"],
      ),
    )
    .action((_opts: unknown, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          const { writeTypesFile } = await import("../../app/types-file.ts")
          const { path, written } = writeTypesFile(app)
          console.log(`${written ? "wrote" : "up to date:"} ${relative(process.cwd(), path) || path}`)
          return 0
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
