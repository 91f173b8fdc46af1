import type { ExplainResult } from "../../query/query-input.ts"
import { colors } from "../output/colors.ts"
import { renderTable } from "../output/table.ts"

/** The fragments of a query: where each runs, how each edge was compiled, and the SQL itself. */
export function renderExplain(result: ExplainResult): string {
  const blocks = result.fragments.map((fragment, i) => {
    const title = colors.bold(`Fragment ${i + 1}: ${fragment.entity} on database "${fragment.database}"`)
    const edges = fragment.edges.length
      ? renderTable(
          ["EDGE", "STRATEGY"],
          fragment.edges.map((e) => [e.path, e.strategy]),
        )
      : colors.dim("(no edges)")
    const params = fragment.params.length
      ? `\n${colors.dim(`params: ${JSON.stringify(fragment.params)}`)}`
      : ""
    return `${title}\n${edges}\n\n${fragment.sql}${params}`
  })
  return blocks.join("\n\n")
}
