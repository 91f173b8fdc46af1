import type { PeakMemory, ResultRow } from "../measure/cases.ts"

function ms(value: number | undefined): string {
  if (value === undefined) return "—"
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`
}

function memory(row: ResultRow): string {
  if (!row.memory) return ""
  const { modlink, baseline } = row.memory
  const mib = (v: number) => v.toFixed(0)
  const side = (m: PeakMemory) =>
    `+${mib(m.growthMiB)} (young generation ${mib(m.youngMiB)}) for ${mib(m.retainedMiB)} (${(m.growthMiB / m.retainedMiB).toFixed(2)}x)`
  return `${side(modlink)} / ${side(baseline)}; JSON ${mib(modlink.resultMiB)}`
}

const HEADER = [
  "operation",
  "baseline",
  "modlink median",
  "baseline median",
  "ratio",
  "modlink p95",
  "baseline p95",
  "runs",
  "rows",
  "peak RSS growth MiB (of it V8's young generation) for the result's heap MiB, modlink / baseline",
]

function cells(row: ResultRow): string[] {
  if (row.error)
    return [row.operation, row.baseline ?? "", `FAILED: ${row.error}`, "", "", "", "", "", "", ""]
  return [
    row.operation,
    row.baseline ?? "—",
    ms(row.modlink?.median),
    ms(row.reference?.median),
    row.ratio === undefined ? "—" : `${row.ratio.toFixed(2)}x`,
    ms(row.modlink?.p95),
    ms(row.reference?.p95),
    String(row.modlink?.runs ?? ""),
    row.rows === undefined ? "" : row.rows.toLocaleString("en-US"),
    memory(row),
  ]
}

/** A Markdown table: readable in the terminal and pasted as is into docs/performance.md. */
export function formatTable(rows: readonly ResultRow[]): string {
  const lines = [HEADER, HEADER.map(() => "---"), ...rows.map(cells)]
  return lines.map((line) => `| ${line.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`).join("\n")
}
