import { relative, resolve } from "node:path"
import type { Command } from "commander"
import { globalOptions } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { runCommand, UsageError } from "../run-command.ts"
import { blockingEntries, scaffoldProject } from "../scaffold/scaffold-project.ts"

function nextSteps(dir: string, cwd: string): string[] {
  const path = relative(cwd, dir)
  return [
    ...(path ? [`cd ${path.includes(" ") ? JSON.stringify(path) : path}`] : []),
    "npm install",
    "npx modlink db:migrate",
    "npx modlink exec ./src/scripts/seed.ts",
    "npx modlink query product --fields title,post.title",
  ]
}

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("create a new project: config, a blog module, a link to products, a seed script")
    .argument("[dir]", "folder to create the project in; must be empty or missing", ".")
    .addHelpText(
      "after",
      examples(
        ["modlink init my-shop", "scaffold into ./my-shop"],
        ["mkdir my-shop && cd my-shop && modlink init", "scaffold into the current (empty) folder"],
      ),
    )
    .action((target: string, _opts: unknown, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        const dir = resolve(options.cwd, target)
        const blocking = blockingEntries(dir)
        if (blocking.length > 0) {
          const shown = blocking.slice(0, 3).join(", ") + (blocking.length > 3 ? ", …" : "")
          throw new UsageError(
            `${dir} is not empty (${shown}): modlink init only writes into an empty folder`,
            "pick a new folder name, e.g. `modlink init my-app`, or empty this one",
          )
        }
        const files = scaffoldProject(dir)
        console.log(`${colors.green("Created")} ${dir}`)
        for (const file of files) console.log(colors.dim(`  ${file}`))
        console.log("\nNext:")
        for (const step of nextSteps(dir, options.cwd)) console.log(`  ${colors.cyan(step)}`)
        return 0
      }).then((code) => {
        process.exitCode = code
      })
    })
}
