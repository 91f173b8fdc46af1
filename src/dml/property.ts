import type { FieldType } from "./field-type.ts"

export type PropertyValue =
  | string
  | number
  | boolean
  | null
  | Date
  | readonly unknown[]
  | Record<string, unknown>

/**
 * A scalar property of a data model. Builders are mutable while a model file is being read and
 * frozen into plain data by `model.define`, which is why the modifiers return `this`.
 *
 * The type parameters exist for the type checker only (see `infer.ts`): `Output` is the value a
 * record holds, `Input` what a create or update accepts, `Optional` whether a create may leave it
 * out (nullable, defaulted or generated).
 */
export class Property<Output = unknown, Input = Output, Optional extends boolean = boolean> {
  readonly kind = "property" as const
  /** Never set: carries the type parameters so `infer.ts` can read them back. */
  declare readonly "~types"?: { output: Output; input: Input; optional: Optional }
  isPrimaryKey = false
  isNullable = false
  isUnique = false
  isIndexed = false
  isSearchable = false
  hasDefault = false
  defaultValue: PropertyValue | (() => PropertyValue) = null
  indexName?: string
  uniqueName?: string

  constructor(
    readonly type: FieldType,
    readonly options: { prefix?: string; values?: readonly string[] } = {},
  ) {}

  primaryKey(): this {
    this.isPrimaryKey = true
    return this
  }

  nullable(): Property<Output | null, Input | null, true> {
    this.isNullable = true
    return this as Property<Output | null, Input | null, true>
  }

  default(value: Output | (() => Output)): Property<Output, Input, true> {
    this.hasDefault = true
    this.defaultValue = value as PropertyValue | (() => PropertyValue)
    return this as Property<Output, Input, true>
  }

  unique(name?: string): this {
    this.isUnique = true
    this.uniqueName = name
    return this
  }

  index(name?: string): this {
    this.isIndexed = true
    this.indexName = name
    return this
  }

  /** Marks text a free-text `q` search looks at. */
  searchable(): this {
    this.isSearchable = true
    return this
  }
}

/** PostgreSQL column type of each property kind. */
export const columnTypes: Record<FieldType, string> = {
  id: "text",
  text: "text",
  number: "integer",
  bigNumber: "numeric",
  float: "real",
  boolean: "boolean",
  dateTime: "timestamptz",
  json: "jsonb",
  enum: "text",
  array: "text[]",
}
