import { type Command, Option } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { loadAppGraph } from "../graph/app-graph.ts"
import { renderDot } from "../graph/render-dot.ts"
import { renderMermaid } from "../graph/render-mermaid.ts"
import { examples } from "../output/help.ts"
import { runCommand } from "../run-command.ts"

const RENDERERS = { mermaid: renderMermaid, dot: renderDot } as const

export function registerGraph(program: Command): void {
  program
    .command("graph")
    .description("print the modules, models, relationships and links as a mermaid or Graphviz diagram")
    .addOption(
      new Option("--format <format>", "diagram language").choices(Object.keys(RENDERERS)).default("mermaid"),
    )
    .addHelpText(
      "after",
      examples(
        ["modlink graph", "a mermaid flowchart, to paste into a README"],
        ["modlink graph --format dot | dot -Tsvg > graph.svg", "the same graph drawn by Graphviz"],
      ),
    )
    .action((opts: { format: keyof typeof RENDERERS }, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          console.log(RENDERERS[opts.format](await loadAppGraph(app)))
          return 0
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
