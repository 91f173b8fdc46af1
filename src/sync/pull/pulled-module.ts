import type { FieldType } from "../../dml/field-type.ts"
import type { PropertyValue } from "../../dml/property.ts"
import type { RelationshipKind, RelationshipOptions } from "../../dml/relationship.ts"

/**
 * What `db:pull` read from the database, in the DML's own terms: plain data, rendered once as
 * TypeScript files and once as models (for the first migration), so the two cannot disagree.
 */
export interface PulledModule {
  name: string
  models: PulledModel[]
  /** Tables left out, and why (a pivot becomes relationships, not a model). */
  notes: string[]
}

export interface PulledModel {
  /** `blog_post`: the model's name, also its query entity. */
  name: string
  /** `BlogPost`: the exported constant. */
  constant: string
  table: string
  fields: PulledField[]
  relations: PulledRelation[]
  /** What could not be said in the DML, written as comments above the model. */
  notes: string[]
}

export interface PulledField {
  name: string
  type: FieldType
  enumValues?: string[]
  primaryKey: boolean
  nullable: boolean
  /** Set when the column has a constant default the DML can hold. */
  default?: PropertyValue
  /** Index names are kept, so the tables as they are need no rename. */
  unique?: string
  index?: string
  /** Said after the field, as a comment: a type it stands in for, a default it cannot hold. */
  note?: string
}

export interface PulledRelation {
  name: string
  kind: RelationshipKind
  /** `name` of the other PulledModel. */
  target: string
  nullable: boolean
  options: Pick<RelationshipOptions, "mappedBy" | "pivotTable" | "joinColumn" | "inverseJoinColumn">
}
