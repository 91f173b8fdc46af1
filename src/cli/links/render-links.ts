import { colors } from "../output/colors.ts"
import { renderTable } from "../output/table.ts"
import type { LinkSummary } from "./link-summary.ts"

function rowsCell(summary: LinkSummary): string {
  if (summary.readOnly) return colors.dim("read-only")
  return summary.rows === null ? colors.yellow("not synced") : String(summary.rows)
}

/** The `modlink links` table; the query fields each link adds are listed under it. */
export function renderLinks(summaries: readonly LinkSummary[]): string {
  const table = renderTable(
    ["LINK", "CARD.", "CASCADE", "EXTRA COLUMNS", "ROWS", "TABLE"],
    summaries.map((s) => [
      s.link,
      s.cardinality,
      s.cascade.join(", ") || colors.dim("—"),
      s.extraColumns.map((c) => `${c.name} ${c.type}${c.nullable ? "?" : ""}`).join(", ") || colors.dim("—"),
      rowsCell(s),
      s.table ?? colors.dim("(read-only: no table)"),
    ]),
  )
  const fields = summaries.map((s) => `  ${s.entryPoint}: ${s.fields.join(", ")}`)
  return `${table}\n\n${colors.dim("Query fields (entry point: fields it adds):")}\n${colors.dim(fields.join("\n"))}`
}
