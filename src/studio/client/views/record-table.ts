import { cellText, h } from "../dom.ts"

export interface TableOptions {
  columns: string[]
  /** Current order, to mark the sorted column. */
  order?: { field: string; direction: "ASC" | "DESC" }
  onSort?: (field: string) => void
  onOpen?: (record: Record<string, unknown>) => void
}

/** Records as a grid; headers sort (server-side) when `onSort` is given, rows open when `onOpen` is. */
export function recordTable(records: Record<string, unknown>[], options: TableOptions): HTMLTableElement {
  const header = options.columns.map((column) => {
    const sorted = options.order?.field === column ? options.order.direction : undefined
    return h(
      "th",
      {
        class: options.onSort ? "sortable" : "",
        "data-testid": `column-${column}`,
        "aria-sort": sorted ? (sorted === "ASC" ? "ascending" : "descending") : undefined,
        onclick: options.onSort ? () => options.onSort!(column) : undefined,
      },
      column,
      sorted && h("span", { class: "arrow" }, sorted === "ASC" ? " ▲" : " ▼"),
    )
  })
  const rows = records.map((record) =>
    h(
      "tr",
      {
        class: options.onOpen ? "openable" : "",
        onclick: options.onOpen ? () => options.onOpen!(record) : undefined,
      },
      options.columns.map((column) =>
        h("td", { title: cellText(record[column], 2000) }, cellText(record[column])),
      ),
    ),
  )
  return h(
    "table",
    { class: "grid", "data-testid": "records" },
    h("thead", null, h("tr", null, header)),
    h("tbody", null, rows),
  )
}

/** Columns of a result: the keys of its records, in first-seen order. */
export function columnsOf(records: Record<string, unknown>[]): string[] {
  const seen = new Set<string>()
  for (const record of records) for (const key of Object.keys(record)) seen.add(key)
  return [...seen]
}
