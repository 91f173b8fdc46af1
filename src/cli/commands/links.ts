import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { printWarnings } from "../output/warnings.ts"
import { runCommand } from "../run-command.ts"

export function registerLinks(program: Command): void {
  program
    .command("links")
    .description("list every link: table, direction, cardinality, cascade, extra columns, row count")
    .option("--json", "print the links as JSON")
    .addHelpText(
      "after",
      examples(
        ["modlink links", "every link of the project in the current folder"],
        ["modlink links --json", "the same as JSON, for scripts"],
        ["modlink -C examples/blog links", "links of another project"],
      ),
    )
    .action((opts: { json?: boolean }, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, () =>
        withApp(options, async (app) => {
          const { loadLinkSummaries } = await import("../links/load-link-summaries.ts")
          const { renderLinks } = await import("../links/render-links.ts")
          const summaries = await loadLinkSummaries(app)
          if (opts.json) {
            console.log(JSON.stringify(summaries, null, 2))
            return 0
          }
          printWarnings(app.warnings)
          if (summaries.length === 0) {
            console.log("No links yet. Define one in src/links/, e.g. src/links/product-post.ts:")
            console.log(
              colors.dim(
                "  export default defineLink(ProductModule.linkable.product, BlogModule.linkable.post)",
              ),
            )
            return 0
          }
          console.log(renderLinks(summaries))
          if (summaries.some((s) => s.rows === null && !s.readOnly)) {
            console.log(colors.yellow("\nSome link tables do not exist yet: run `modlink db:sync-links`."))
          }
          return 0
        }),
      ).then((code) => {
        process.exitCode = code
      })
    })
}
