/**
 * What callers hand the link service and what it hands back. Inputs follow Medusa's shape (module
 * names as keys, `{ <linkable key>: id }` as values) so seeds and workflows written for it work.
 */

/** `{ product: { product_id: "prod_1" }, blog: { post_id: "post_1" }, data?: { sortOrder: 2 } }` */
export type LinkInput = {
  [module: string]: Record<string, unknown> | undefined
  data?: Record<string, unknown>
}

/** `list` takes the same shape, but a side may hold several ids, or be `{}` / absent to match any. */
export type LinkListInput = LinkInput

/** `{ product: { product_id: ["prod_1", "prod_2"] }, blog: { post_id: "post_1" } }`: records per module. */
export type RecordsInput = Record<string, Record<string, string | readonly string[]>>

/** A link row as stored: its id, one key per side (`product_id`, `post_id`), extra columns in `data`. */
export interface LinkRow {
  /** Entry point of the link the row belongs to (`product_post`). */
  link: string
  id: string
  /** Extra columns by the name written in `extraColumns` (`sortOrder`). */
  data: Record<string, unknown>
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
  /** The two key columns: `row.product_id`, `row.post_id`. */
  [key: string]: unknown
}

/** The ids of one link row, the unit cascades, journals and events deal in. */
export interface LinkKeyRow {
  id: string
  left: string
  right: string
}

/** Records per module and linkable key, the shape module services return: `{ blog: { post_id: [...] } }`. */
export type RecordIds = Record<string, Record<string, string[]>>

/** What a `delete` or `restore` changed (or, with `dryRun`, would change). */
export interface CascadeReport {
  /** Records soft-deleted (or restored) by the cascade, not counting the records given as input. */
  records: RecordIds
  /** Link rows per link entry point: `{ product_post: [{ id, product_id, post_id }] }`. */
  links: Record<string, Array<Record<string, string>>>
  /** Journal entries written or used; `restore` finds what to bring back through them. */
  cascades: string[]
}

export interface CreateLinkOptions {
  /**
   * Check that both records of every pair exist and are not soft-deleted (default true, one
   * statement per database). `false` stores the links as given: bulk imports whose records arrive
   * later, ids of records outside the app.
   */
  checkRecords?: boolean
}

export interface DeleteOptions {
  /** Compute and return the report without changing anything: a cascade preview. */
  dryRun?: boolean
}

export interface ListOptions {
  /** Include dismissed and cascade-deleted rows. */
  withDeleted?: boolean
  /** Return `{ product: { product_id }, blog: { post_id }, data? }` objects, as `create` takes them. */
  asLinkDefinition?: boolean
}

export type LinkEventName = "attached" | "detached"

/** Sent after commit: rows that became live (`attached`) or stopped being live (`detached`). */
export interface LinkEvent {
  link: string
  table: string
  rows: Array<Record<string, string>>
}

export type LinkEventHandler = (event: LinkEvent) => unknown
