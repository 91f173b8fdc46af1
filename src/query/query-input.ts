/**
 * The shapes users write and read: `query.graph(input)` and `query.explain(input)`. Plain data, so
 * the same input can be logged, explained and replayed.
 */

/** `"ASC"`/`"DESC"` in either case. */
export type OrderDirection = "ASC" | "DESC" | "asc" | "desc"

/**
 * `{ title: "ASC" }`; single-valued relations nest (`{ post: { title: "DESC" } }`) or use dotted
 * keys (`{ "post.title": "DESC" }`). Typed loosely on purpose: the parse stage checks every key and
 * direction at run time, and callers building orders dynamically need not cast.
 */
export type OrderInput = Record<string, unknown>

/**
 * `{ field: value }` (equality), `null` (IS NULL), an array (IN), an operator object
 * (`{ $gte: 3, $lt: 9 }`: $eq $ne $in $nin $gt $gte $lt $lte $like $ilike), `$and`/`$or` lists of
 * filters, or a relation name holding a filter on its target (`{ post: { title: "x" } }`). Checked
 * against the schema at run time, hence the loose type.
 */
export type FilterInput = Record<string, unknown>

export interface PaginationInput {
  skip?: number
  take?: number
  order?: OrderInput
}

/** Per-parent options of one relation path (`"posts"`, `"variants.options"`). */
export interface NestedInput {
  skip?: number
  take?: number
  order?: OrderInput
  /** Narrows the attached list (or single record); never removes the parent. */
  filters?: FilterInput
}

export interface GraphInput {
  /** A model name (`product`) or a link entry point (`product_post`). */
  entity: string
  /** Paths: `"*"`, `"title"`, `"post.*"`, `"posts.title"`, `"variants.options.value"`. */
  fields: readonly string[]
  filters?: FilterInput
  pagination?: PaginationInput
  nested?: Record<string, NestedInput>
  /** Include soft-deleted records and dismissed links. */
  withDeleted?: boolean
}

export interface GraphMetadata {
  count: number
  skip: number
  take: number | undefined
}

export interface GraphResult<Row = Record<string, unknown>> {
  data: Row[]
  /** Present when `pagination` has `skip` or `take`. */
  metadata?: GraphMetadata
}

/**
 * Where a read runs. By default a database with replicas serves reads from them (round robin);
 * `"primary"` reads from the primary, for a read that must see a write made just before.
 */
export interface ReadOptions {
  consistency?: "replica" | "primary"
}

export interface StreamOptions extends ReadOptions {
  /** Root records per FETCH (default 1,000): memory holds one chunk with its children. */
  chunkSize?: number
}

/** How one edge was compiled, as `explain` reports it. */
export type EdgeStrategy =
  /** A single, unique target joined in the FROM of its parent. */
  | "left-join"
  /** A correlated subquery: `json_agg` for lists, `limit 1` for single non-unique targets. */
  | "subquery"
  /** A filter through the edge compiled as a correlated `EXISTS`. */
  | "exists"
  /** The target lives on another database: fetched in batches with `= ANY($1)` and stitched. */
  | "batched-any"
  /** A filter through an edge to another database: its keys are fetched first, then `= ANY`. */
  | "prefetch-any"
  /**
   * An order through an edge to another database: the related records' ranks by the sort value
   * are fetched first, then joined by key in the parent's statement.
   */
  | "prefetch-rank"

export interface ExplainedEdge {
  /** `post`, `variants.options`; filters are prefixed `filters.`, orders `order.`. */
  path: string
  strategy: EdgeStrategy
}

export interface ExplainedFragment {
  /** Database key the statement runs on. */
  database: string
  entity: string
  sql: string
  /** Bound values; keys known only at run time show as a `<…>` description. */
  params: unknown[]
  edges: ExplainedEdge[]
}

export interface ExplainResult {
  fragments: ExplainedFragment[]
}
