import type { ExtraColumnOptions } from "./link-definition.ts"

/** Which two models a link joins, in definition order. The registry matches renames with it. */
export interface LinkDescriptor {
  fromModule: string
  toModule: string
  /** Snake model name (`post`, `product_variant`). */
  fromModel: string
  toModel: string
}

/** One side of a link, checked against the loaded modules. */
export interface ResolvedLinkSide {
  module: string
  /** Snake model name: `post`, `product_variant`. */
  model: string
  /** Pascal model name: `Post`. */
  entity: string
  /** Table of the model in its module's database. */
  modelTable: string
  /** Primary key property of the model the link points at. */
  primaryKey: string
  /**
   * The column holding this side's id: in the link table (`product_id`), or for a read-only link,
   * the left model's column holding the right id (left) and the right model's primary key (right).
   */
  key: string
  /** The other side may have many of these. */
  isList: boolean
  /** Deleting a record of the other side soft-deletes the linked records of this side. */
  deleteCascade: boolean
  /** The field under which this side's records appear on the other model (`posts` on product). */
  field: string
}

export interface ResolvedExtraColumn {
  /** Column name: the `extraColumns` key in snake case (`sortOrder` → `sort_order`). */
  name: string
  /** The key as written in `extraColumns`, which link data uses. */
  property: string
  /** PostgreSQL type as written in DDL. */
  type: string
  nullable: boolean
  /** SQL default expression, validated or quoted by modlink. */
  default?: string
  /** CHECK expression restricting `enum` and `enumArray` values. */
  check?: string
  options: ExtraColumnOptions
}

interface ResolvedLinkBase {
  /** Query entity of the link (`product_post`). */
  entryPoint: string
  /** `ProductProductBlogPostLink` */
  serviceName: string
  /** The link file that defined it, for messages. */
  file: string
  descriptor: LinkDescriptor
  left: ResolvedLinkSide
  right: ResolvedLinkSide
}

/** A link stored in a link table. */
export interface ResolvedTableLink extends ResolvedLinkBase {
  readOnly: false
  /** Final table name (at most 63 bytes). */
  table: string
  /** The name before shortening: pinned `database.table` or the composed one. */
  requestedTable: string
  idPrefix: string
  extraColumns: ResolvedExtraColumn[]
}

/** A query-only link: the left model holds the right id in `left.key`; no table, one direction. */
export interface ResolvedReadOnlyLink extends ResolvedLinkBase {
  readOnly: true
  table: null
}

/** Plain data: serialisable into the link registry and printable. */
export type ResolvedLink = ResolvedTableLink | ResolvedReadOnlyLink

/** `product.product <> blog.post`, how messages and plans name a link. */
export function describeLink(descriptor: LinkDescriptor): string {
  return `${descriptor.fromModule}.${descriptor.fromModel} <> ${descriptor.toModule}.${descriptor.toModel}`
}

export type Cardinality = "1:1" | "1:N" | "N:1" | "N:N"

/**
 * Left to right: `isList` on a side means "the other side may have many of these", so the right
 * side's flag says whether one left record has many right ones.
 */
export function cardinalityOf(link: { left: { isList: boolean }; right: { isList: boolean } }): Cardinality {
  return `${link.left.isList ? "N" : "1"}:${link.right.isList ? "N" : "1"}` as Cardinality
}
