import { type Command, Option } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { examples } from "../output/help.ts"
import { runCommand } from "../run-command.ts"

const FORMATS = ["mermaid", "dot"] as const

export function registerGraph(program: Command): void {
  program
    .command("graph")
    .description("print the modules, models, relationships and links as a mermaid or Graphviz diagram")
    .addOption(new Option("--format <format>", "diagram language").choices(FORMATS).default("mermaid"))
    .addHelpText(
      "after",
      examples(
        ["modlink graph", "a mermaid flowchart, to paste into a README"],
        ["modlink graph --format dot | dot -Tsvg > graph.svg", "the same graph drawn by Graphviz"],
      ),
    )
    .action((opts: { format: (typeof FORMATS)[number] }, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          const { loadAppGraph } = await import("../graph/app-graph.ts")
          const { renderDot } = await import("../graph/render-dot.ts")
          const { renderMermaid } = await import("../graph/render-mermaid.ts")
          const render = opts.format === "dot" ? renderDot : renderMermaid
          console.log(render(await loadAppGraph(app)))
          return 0
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
