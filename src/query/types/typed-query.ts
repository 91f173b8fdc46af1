import type {
  ExplainResult,
  GraphResult,
  OrderDirection,
  ReadOptions,
  StreamOptions,
} from "../query-input.ts"
import type { CheckPaths, SelectedRow } from "./field-paths.ts"
import type { GraphFilters } from "./filters.ts"
import type { GraphShape } from "./graph-shape.ts"
import type { GraphOrder } from "./order.ts"

/** `query.graph` input for entity `E` of graph `G`: entity, fields, filters and order all checked. */
export interface TypedGraphInput<
  G extends GraphShape,
  E extends keyof G & string,
  Fields extends readonly string[],
> {
  /** A model (`product`) or a link entry point (`product_post`). */
  entity: E
  /** Paths: `"*"`, `"title"`, `"post.*"`, `"posts.comments.body"`. */
  fields: CheckPaths<G, E, Fields>
  // NoInfer: `E` comes from `entity` and `Fields` from `fields` alone. Left open, the checker also
  // infers them backwards through the filter and order types (reverse mapped types over every
  // field of the entity): a third of the type-check cost of the example app, for nothing.
  filters?: NoInfer<GraphFilters<G, E>>
  pagination?: NoInfer<{ skip?: number; take?: number; order?: GraphOrder<G, E> }>
  /** Per relation path: its own page, order and filter (checked at run time). */
  nested?: {
    [path: string]: {
      skip?: number
      take?: number
      order?: { [field: string]: OrderDirection | object }
      filters?: { [field: string]: unknown }
    }
  }
  /** Include soft-deleted records and dismissed links. */
  withDeleted?: boolean
}

/** The query engine typed by an app's graph: rows typed from the entity and the field paths. */
export interface TypedQuery<G extends GraphShape> {
  graph<const E extends keyof G & string, const Fields extends readonly string[]>(
    input: TypedGraphInput<G, E, Fields>,
    options?: ReadOptions,
  ): Promise<GraphResult<SelectedRow<G, E, Fields[number]>>>
  /** The records `graph` returns, one at a time, read through a cursor in chunks. */
  stream<const E extends keyof G & string, const Fields extends readonly string[]>(
    input: TypedGraphInput<G, E, Fields>,
    options?: StreamOptions,
  ): AsyncIterable<SelectedRow<G, E, Fields[number]>>
  explain<const E extends keyof G & string, const Fields extends readonly string[]>(
    input: TypedGraphInput<G, E, Fields>,
  ): ExplainResult
}
