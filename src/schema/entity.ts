import type { FieldType } from "../dml/field-type.ts"
import type { Edge } from "./edge.ts"

export interface EntityField {
  name: string
  column: string
  type: FieldType
  nullable: boolean
  enumValues?: readonly string[]
}

/**
 * One queryable thing: a data model of a module, or a link's table (entity named by its entry
 * point, e.g. `product_post`). Plain data; built once per app by `schema/build-schema-graph.ts`.
 */
export interface Entity {
  /** Query name: the model's snake name (`product_variant`) or the link entry point. */
  name: string
  /** Owning module name; for a link entity, the link's entry point. */
  module: string
  /** Key of the database the table lives on (`main`, or a module name when on its own database). */
  database: string
  table: string
  primaryKey: string[]
  /** Scalar fields by name, in declaration order; includes created_at/updated_at/deleted_at. */
  fields: ReadonlyMap<string, EntityField>
  /** Relationships and links leaving this entity, by the field name they add. */
  edges: ReadonlyMap<string, Edge>
  /** True when rows carry `deleted_at` and are hidden once it is set. */
  softDelete: boolean
  kind: "model" | "link"
}
