/**
 * Columns of the three models in the order modlink's `*` lists them, so the hand-written SQL
 * selects exactly what `fields: ["*", "post.*"]` asks for.
 */
export const PRODUCT_COLUMNS = [
  "id",
  "title",
  "handle",
  "subtitle",
  "description",
  "is_giftcard",
  "status",
  "thumbnail",
  "weight",
  "length",
  "height",
  "width",
  "origin_country",
  "hs_code",
  "mid_code",
  "material",
  "external_id",
  "discountable",
  "metadata",
  "collection_id",
  "created_at",
  "updated_at",
  "deleted_at",
] as const

export const POST_COLUMNS = ["id", "title", "body", "created_at", "updated_at", "deleted_at"] as const

export const NOTE_COLUMNS = ["id", "body", "created_at", "updated_at", "deleted_at"] as const

/**
 * `json_build_object('id', p.id, …)`: what a person writes to get one record as JSON; `extra`
 * appends more entries (`'post', <expression>`).
 */
export function jsonObject(alias: string, columns: readonly string[], extra = ""): string {
  const entries = columns.map((c) => `'${c}', ${alias}.${c}`)
  return `json_build_object(${[...entries, ...(extra ? [extra] : [])].join(", ")})`
}

/** `po.id as po_id, po.title as po_title, …`: a joined table's columns in a flat row. */
export function prefixed(alias: string, columns: readonly string[]): string {
  return columns.map((c) => `${alias}.${c} as ${alias}_${c}`).join(", ")
}

type Row = Record<string, unknown>

/** Picks one record out of a flat row: its columns, under `alias_` when prefixed. */
export function pick(row: Row, columns: readonly string[], alias?: string): Row {
  const record: Row = {}
  for (const column of columns) record[column] = row[alias ? `${alias}_${column}` : column]
  return record
}
