import { isPlainObject } from "../../dml/index.ts"
import { cell, renderTable } from "./table.ts"

/** What names a record in a folded list: the first of these it has. */
const LABELS = ["title", "name", "value", "handle", "id"]

/** The value at a dotted path of a record (`post.title`), through single records. */
function at(value: unknown, path: string): unknown {
  let current = value
  for (const key of path.split(".")) {
    if (!isPlainObject(current)) return undefined
    current = current[key]
  }
  return current
}

/** A record of a folded list: the fields asked for under the list (`body`, `post.title`), else its best label. */
function label(value: unknown, paths: readonly string[]): string {
  if (!isPlainObject(value)) return cell(value)
  const asked = paths.filter((path) => !path.endsWith("*"))
  if (asked.length > 0) return asked.map((path) => cell(at(value, path))).join(" · ")
  const key = LABELS.find((k) => value[k] !== undefined && value[k] !== null)
  return key ? cell(value[key]) : "{…}"
}

/** A list of linked records as one cell: its size and the first labels (`3: Tee, Mug, Cap`). */
function listCell(values: unknown[], paths: readonly string[], max = 48): string {
  if (values.length === 0) return "[]"
  const text = `${values.length}: ${values.map((value) => label(value, paths)).join(", ")}`
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** The paths asked for under a list column: `comments.body` → `body` for `comments`. */
function pathsUnder(column: string, fields: readonly string[] | undefined): string[] {
  return (fields ?? []).filter((f) => f.startsWith(`${column}.`)).map((f) => f.slice(column.length + 1))
}

/**
 * Whether a column answers one of the requested field paths. The engine adds keys (`id`,
 * `post.id`) it needs for stitching; a table shows what was asked for. A folded list or a null
 * single record shows under its own name (`posts` for `posts.title`).
 */
function requested(column: string, fields: readonly string[]): boolean {
  return fields.some((field) => {
    // `brand` asks for a relation as a whole: its columns (`brand.id`, `brand.name`) show.
    if (field === column || field.startsWith(`${column}.`) || column.startsWith(`${field}.`)) return true
    if (!field.endsWith("*")) return false
    const prefix = field.slice(0, -1)
    return column.startsWith(prefix) && !column.slice(prefix.length).includes(".")
  })
}

/**
 * Flattens a record into `column → cell`: a single linked record spreads into dotted columns
 * (`post.title`) so it reads like a join; lists fold into one cell.
 */
function flatten(
  record: Record<string, unknown>,
  prefix: string,
  into: Map<string, string>,
  fields: readonly string[] | undefined,
): void {
  for (const [key, value] of Object.entries(record)) {
    const column = prefix + key
    if (isPlainObject(value)) flatten(value, `${column}.`, into, fields)
    else if (Array.isArray(value)) into.set(column, listCell(value, pathsUnder(column, fields)))
    else into.set(column, cell(value))
  }
}

/**
 * Query results as an aligned table. Columns are the union of every row's flattened keys, in
 * order of first appearance: a `null` single link on the first row must not hide its columns.
 * A table wider than `width` (the terminal) turns vertical, one `column │ value` line per field,
 * values cut to fit, as psql's expanded mode does.
 */
export function renderRecords(
  records: readonly Record<string, unknown>[],
  fields?: readonly string[],
  width?: number,
): string {
  const flat = records.map((record) => {
    const cells = new Map<string, string>()
    flatten(record, "", cells, fields)
    return cells
  })
  const columns: string[] = []
  for (const cells of flat) {
    for (const column of cells.keys()) {
      if (!columns.includes(column) && (!fields || requested(column, fields))) columns.push(column)
    }
  }
  const rows = flat.map((cells) => columns.map((column) => cells.get(column) ?? cell(null)))
  const table = renderTable(columns, rows)
  if (!width || table.split("\n").every((line) => line.length <= width)) return table
  return renderVertical(columns, rows, width)
}

function renderVertical(columns: string[], rows: string[][], width: number): string {
  const keyWidth = Math.max(...columns.map((c) => c.length))
  const room = Math.max(8, width - keyWidth - 3)
  const cut = (text: string) => (text.length > room ? `${text.slice(0, room - 1)}…` : text)
  return rows
    .flatMap((row, i) => {
      const head = `─[ ${i + 1} ]`
      return [
        head + "─".repeat(Math.max(0, Math.min(width, keyWidth + 3 + room) - head.length)),
        ...columns.map((column, j) => `${column.padEnd(keyWidth)} │ ${cut(row[j])}`),
      ]
    })
    .join("\n")
}
