import type { Command } from "commander"
import { untypedApp } from "../../app/untyped-app.ts"
import { globalOptions, withApp } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { graphInput, type QueryFlags } from "../query/query-options.ts"
import { runCommand, UsageError } from "../run-command.ts"

const FORMATS = ["table", "json", "ndjson"] as const
type Format = (typeof FORMATS)[number]

interface Flags extends QueryFlags {
  explain?: boolean
  json?: boolean
  format?: string
}

function formatOf(flags: Flags): Format {
  if (flags.format === undefined) return flags.json ? "json" : "table"
  if (!FORMATS.includes(flags.format as Format)) {
    throw new UsageError(
      `--format must be one of ${FORMATS.join(", ")}, got "${flags.format}"`,
      "e.g. --format ndjson",
    )
  }
  return flags.format as Format
}

/** The terminal's width; `COLUMNS` when output is piped; none (no limit) otherwise. */
function terminalWidth(): number | undefined {
  if (process.stdout.columns) return process.stdout.columns
  const columns = Number(process.env.COLUMNS)
  return Number.isInteger(columns) && columns > 0 ? columns : undefined
}

export function registerQuery(program: Command): void {
  program
    .command("query")
    .description("run query.graph on an entity (a model or a link's entry point) and print the records")
    .argument("<entity>", "a model name (product, post) or a link entry point (product_post)")
    .option("-f, --fields <paths>", "comma-separated field paths, through relationships and links", "*")
    .option(
      "--filters <json>",
      'filters as JSON, may go through links: \'{"post":{"title":{"$ilike":"%x%"}}}\'',
    )
    .option("--order <json>", 'order as JSON: \'{"title":"ASC"}\'')
    .option("--take <n>", "page size")
    .option("--skip <n>", "records to skip")
    .option("--with-deleted", "include soft-deleted records and dismissed links")
    .option("--explain", "show the SQL of each fragment and how every edge is compiled, without running")
    .option("--json", "print { data, metadata } as JSON (same as --format json)")
    .option(
      "--format <format>",
      "table, json ({ data, metadata }), or ndjson: one record per line, streamed through a cursor",
    )
    .addHelpText(
      "after",
      examples(
        ["modlink query product --fields id,title,post.title --take 5", "products with their linked post"],
        ["modlink query post --fields title,product.* --take 5", "the same link from the other side"],
        [
          `modlink query product --fields title --filters '{"post":{"title":{"$ilike":"%guide%"}}}'`,
          "filter through a link",
        ],
        ["modlink query product --fields title,posts.title --explain", "the SQL it runs"],
        ["modlink query product_post --fields '*' --json", "the link rows themselves, as JSON"],
        [
          "modlink query product --fields '*,posts.*' --format ndjson > products.ndjson",
          "export everything, streamed",
        ],
      ),
    )
    .action((entity: string, flags: Flags, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        const input = graphInput(entity, flags)
        const format = formatOf(flags)
        return withApp(options, async (app) => {
          if (flags.explain) {
            const { renderExplain } = await import("../query/print-explain.ts")
            const explained = await untypedApp(app).query.explain(input)
            console.log(format === "table" ? renderExplain(explained) : JSON.stringify(explained, null, 2))
            return 0
          }
          if (format === "ndjson") {
            const { writeNdjson } = await import("../query/write-ndjson.ts")
            await writeNdjson(untypedApp(app).query.stream(input))
            return 0
          }
          const result = await untypedApp(app).query.graph(input)
          if (format === "json") {
            console.log(JSON.stringify(result, null, 2))
            return 0
          }
          const { renderRecords } = await import("../output/record-table.ts")
          const { plural } = await import("../../dml/names.ts")
          if (result.data.length === 0) console.log(colors.dim(`No ${entity} records match.`))
          else console.log(renderRecords(result.data, input.fields, terminalWidth()))
          const count = result.metadata?.count ?? result.data.length
          const shown = result.metadata ? `${result.data.length} of ` : ""
          console.log(colors.dim(`\n${shown}${count} ${count === 1 ? entity : plural(entity)}`))
          return 0
        })
      }).then((code) => {
        process.exitCode = code
      })
    })
}
