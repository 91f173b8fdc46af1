import { cell, renderTable } from "./table.ts"

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** A list of linked records as one cell: its size and the first labels (`3: Tee, Mug, Cap`). */
function listCell(values: unknown[], max = 48): string {
  if (values.length === 0) return "[]"
  const labels = values.map((v) => cell(v, max)).join(", ")
  const text = `${values.length}: ${labels.replaceAll(/[{}]/g, "")}`
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Flattens a record into `column → cell`: a single linked record spreads into dotted columns
 * (`post.title`) so it reads like a join; lists fold into one cell.
 */
function flatten(record: Record<string, unknown>, prefix: string, into: Map<string, string>): void {
  for (const [key, value] of Object.entries(record)) {
    const column = prefix + key
    if (isPlainObject(value)) flatten(value, `${column}.`, into)
    else if (Array.isArray(value)) into.set(column, listCell(value))
    else into.set(column, cell(value))
  }
}

/**
 * Query results as an aligned table. Columns are the union of every row's flattened keys, in
 * order of first appearance: a `null` single link on the first row must not hide its columns.
 */
export function renderRecords(records: readonly Record<string, unknown>[]): string {
  const flat = records.map((record) => {
    const cells = new Map<string, string>()
    flatten(record, "", cells)
    return cells
  })
  const columns: string[] = []
  for (const cells of flat)
    for (const column of cells.keys()) if (!columns.includes(column)) columns.push(column)
  return renderTable(
    columns,
    flat.map((cells) => columns.map((column) => cells.get(column) ?? cell(null))),
  )
}
