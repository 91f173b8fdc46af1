import { describeLink, type ResolvedLink, type ResolvedLinkSide } from "../../link/index.ts"
import { type Cardinality, cardinalityOf } from "../../link/resolved-link.ts"

/** One link as `modlink links` shows it: plain data, printed as a table or as JSON. */
export interface LinkSummary {
  /** `product.product <> blog.post`: definition order, which is the link's direction. */
  link: string
  /** Query entity of the link itself (`product_post`). */
  entryPoint: string
  /** Link table, or null for a read-only link (the first model holds the other's id). */
  table: string | null
  /** Left to right: `1:N` means one left record has many right records. */
  cardinality: Cardinality
  /** Deletes that cascade through the link, as `product → post`. */
  cascade: string[]
  extraColumns: { name: string; type: string; nullable: boolean }[]
  /** Live (not dismissed) link rows; null when the table does not exist yet (not synced). */
  rows: number | null
  /** Query fields the link adds: `product.post`, `post.product`. */
  fields: string[]
  readOnly: boolean
  file: string
}

/** A side with `deleteCascade` is deleted when the record on the other side is. */
function cascadesOf(link: ResolvedLink): string[] {
  const arrow = (from: ResolvedLinkSide, to: ResolvedLinkSide) => `${from.model} → ${to.model}`
  const cascades: string[] = []
  if (link.right.deleteCascade) cascades.push(arrow(link.left, link.right))
  if (link.left.deleteCascade) cascades.push(arrow(link.right, link.left))
  return cascades
}

function fieldsOf(link: ResolvedLink): string[] {
  const fields = [`${link.left.model}.${link.right.field}`]
  // A read-only link is traversed from its first model only.
  if (!link.readOnly) fields.push(`${link.right.model}.${link.left.field}`)
  return fields
}

export function summarizeLink(link: ResolvedLink, rows: number | null): LinkSummary {
  return {
    link: describeLink(link.descriptor),
    entryPoint: link.entryPoint,
    table: link.table,
    cardinality: cardinalityOf(link),
    cascade: cascadesOf(link),
    extraColumns: link.readOnly
      ? []
      : link.extraColumns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })),
    rows,
    fields: fieldsOf(link),
    readOnly: link.readOnly,
    file: link.file,
  }
}
