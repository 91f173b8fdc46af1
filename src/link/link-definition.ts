import type { Linkable } from "./linkable.ts"

/** Column types accepted in `database.extraColumns`, as in Medusa. */
export type ExtraColumnType =
  | "date"
  | "time"
  | "datetime"
  | "bigint"
  | "blob"
  | "uint8array"
  | "array"
  | "enumArray"
  | "enum"
  | "json"
  | "integer"
  | "smallint"
  | "tinyint"
  | "mediumint"
  | "float"
  | "double"
  | "boolean"
  | "decimal"
  | "string"
  | "uuid"
  | "text"

export interface ExtraColumnOptions {
  type: ExtraColumnType
  /** A value (`1`, `true`, `"draft"`) or, as in Medusa, a raw SQL default written as a string. */
  defaultValue?: string | number | boolean
  nullable?: boolean
  /** For `enum` and `enumArray`: the allowed values. */
  options?: { items?: readonly string[] } & Record<string, unknown>
}

/** One argument of `defineLink`: a linkable entry, or an object that adds options to one. */
export type LinkSideInput =
  | Linkable
  | {
      linkable: Linkable
      isList?: boolean
      deleteCascade?: boolean
      /** Alias of `deleteCascade`: an early Medusa docs page spelled it so (docs/comparison.md). */
      deleteCascades?: boolean
      field?: string
    }

export interface DefineLinkOptions {
  database?: {
    /** Pin the table name (keeps the table when a module or model is renamed). */
    table?: string
    /** Prefix of generated link row ids; default `link`. */
    idPrefix?: string
    extraColumns?: Record<string, ExtraColumnOptions>
  }
  /** A query-only link: the left model holds the right model's id in the column named by `field`. */
  readOnly?: boolean
  /** For read-only links: the left model may point at many right records. */
  isList?: boolean
}

/** One side of a link as written, before the app checks it against the loaded modules. */
export interface LinkSideDefinition {
  linkable: Linkable
  isList: boolean
  deleteCascade: boolean
  /** Override of the field (for read-only links: the column holding the other side's id). */
  field?: string
}
