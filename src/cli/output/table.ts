/** Visible width, ignoring ANSI color codes so colored cells still align. */
function width(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
  return text.replace(/\u001b\[[0-9;]*m/g, "").length
}

/** Renders rows as an aligned text table with a header rule. Cells are already strings. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + " ".repeat(widths[i] - width(cell))))
      .join("  ")
      .trimEnd()
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

/** A value as a short table cell: nested objects and lists folded to a summary. */
export function cell(value: unknown, max = 40): string {
  if (value === null || value === undefined) return "—"
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return `[${value.length}]`
  if (typeof value === "object") {
    const record = value as Record<string, unknown>
    const label = record.title ?? record.name ?? record.id
    return label === undefined ? "{…}" : `{${cell(label, max)}}`
  }
  const text = String(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
