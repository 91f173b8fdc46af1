import { cell, renderTable } from "./table.ts"

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** What names a record in a folded list: the first of these it has. */
const LABELS = ["title", "name", "value", "handle", "id"]

function label(value: unknown): string {
  if (!isPlainObject(value)) return cell(value)
  const key = LABELS.find((k) => value[k] !== undefined && value[k] !== null)
  return key ? cell(value[key]) : "{…}"
}

/** A list of linked records as one cell: its size and the first labels (`3: Tee, Mug, Cap`). */
function listCell(values: unknown[], max = 48): string {
  if (values.length === 0) return "[]"
  const text = `${values.length}: ${values.map(label).join(", ")}`
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Whether a column answers one of the requested field paths. The engine adds keys (`id`,
 * `post.id`) it needs for stitching; a table shows what was asked for. A folded list or a null
 * single record shows under its own name (`posts` for `posts.title`).
 */
function requested(column: string, fields: readonly string[]): boolean {
  return fields.some((field) => {
    if (field === column || field.startsWith(`${column}.`)) return true
    if (!field.endsWith("*")) return false
    const prefix = field.slice(0, -1)
    return column.startsWith(prefix) && !column.slice(prefix.length).includes(".")
  })
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
export function renderRecords(
  records: readonly Record<string, unknown>[],
  fields?: readonly string[],
): string {
  const flat = records.map((record) => {
    const cells = new Map<string, string>()
    flatten(record, "", cells)
    return cells
  })
  const columns: string[] = []
  for (const cells of flat) {
    for (const column of cells.keys()) {
      if (!columns.includes(column) && (!fields || requested(column, fields))) columns.push(column)
    }
  }
  return renderTable(
    columns,
    flat.map((cells) => columns.map((column) => cells.get(column) ?? cell(null))),
  )
}
