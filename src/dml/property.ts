import type { FieldType } from "../schema/entity.ts"

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
 */
export class Property {
  readonly kind = "property" as const
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

  nullable(): this {
    this.isNullable = true
    return this
  }

  default(value: PropertyValue | (() => PropertyValue)): this {
    this.hasDefault = true
    this.defaultValue = value
    return this
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
