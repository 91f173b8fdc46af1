import { existsSync } from "node:fs"
import { resolve } from "node:path"
import type { Command } from "commander"
import type { ExecArgs } from "../../app/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import { type GlobalOptions, globalOptions, projectRoot, withApp } from "../command-context.ts"
import { runCommand } from "../run-command.ts"

type Script = (input: ExecArgs) => unknown

/**
 * The script's path from the current folder; from the project root when it is not there, so
 * `modlink exec ./src/scripts/seed.ts` also works from a subfolder of the project.
 */
function scriptFile(script: string, options: GlobalOptions): string {
  const here = resolve(options.cwd, script)
  if (existsSync(here)) return here
  const fromRoot = resolve(projectRoot(options), script)
  if (existsSync(fromRoot)) return fromRoot
  throw new ModlinkError("INVALID_INPUT", `Script ${script} not found in ${options.cwd}`)
}

export function registerExec(program: Command): void {
  program
    .command("exec")
    .description("run a script with the app loaded: export default async function ({ container, args })")
    .argument("<script>", "path of the script, e.g. ./src/scripts/seed.ts")
    .argument("[args...]", "arguments passed to the script as `args`")
    .addHelpText(
      "after",
      "\nExamples:\n  $ modlink exec ./src/scripts/seed.ts\n  $ modlink exec ./src/scripts/import.ts products.csv",
    )
    .action((script: string, args: string[], _opts: unknown, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        const file = scriptFile(script, options)
        const { loadFile } = await import("../../app/load-file.ts")
        const loaded = await loadFile<{ default?: Script }>(file, "script")
        if (typeof loaded.default !== "function") {
          throw new ModlinkError("INVALID_INPUT", `Script ${script} has no default export function`, {
            hint: "export default async function ({ container, args }) { … }",
          })
        }
        const run = loaded.default
        await withApp(options, async (app) => run({ container: app, args }))
        return 0
      }).then((code) => {
        process.exitCode = code
      })
    })
}
