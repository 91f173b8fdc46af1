import type { Edge, Entity, EntityField } from "../../schema/index.ts"
import type { FilterNode } from "./filter-node.ts"

/** One sort key: a field of the level itself or, through single-valued edges, of a related record. */
export interface OrderTerm {
  /** Single-valued edges walked from the level to the field's entity; empty for own fields. */
  edges: readonly Edge[]
  field: EntityField
  direction: "ASC" | "DESC"
}

/**
 * One level of the requested tree: which fields of `entity` to return and which edges to follow.
 * Parse output, already validated against the schema graph.
 */
export interface Selection {
  entity: Entity
  /** Dotted relation path from the root (`""` for the root, `"variants.options"`). */
  path: string
  /** Scalar fields to return, primary key first, without duplicates. */
  fields: readonly EntityField[]
  children: readonly SelectionChild[]
  /** On the root: which roots to return. On a child: which related records to attach. */
  filter?: FilterNode
  /** Empty when the caller gave no order; the primary key tiebreaker is added only when ordering. */
  order: readonly OrderTerm[]
  skip?: number
  take?: number
}

export interface SelectionChild {
  edge: Edge
  selection: Selection
}

export interface ParsedQuery {
  root: Selection
  withDeleted: boolean
  /** Set when the caller paginated the root (`skip` or `take`): the result then carries a count. */
  page?: { skip: number; take?: number }
}
