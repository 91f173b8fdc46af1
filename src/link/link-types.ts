/**
 * What `defineLink` keeps for the type checker: both sides (module, model, key, list-ness, field
 * override) and the extra columns, so the query graph and the link service can be typed from the
 * app's links. Mirrors `naming.ts` (entry point, query fields, key columns). Types only.
 */
import type { Plural, SnakeCase } from "../dml/type-names.ts"
import type { DefineLinkOptions, ExtraColumnOptions, LinkSideInput } from "./link-definition.ts"

/** One side as the types see it. */
export interface LinkSideType {
  module: string
  /** Query entity of the model (`product_collection`). */
  entity: string
  /** Linkable key (`product_collection_id`). */
  key: string
  isList: boolean
  /** `field` given on the side, or never. */
  field: string
}

export interface LinkType {
  left: LinkSideType
  right: LinkSideType
  readOnly: boolean
  /** Extra columns by their stored (snake case) name with their record type. */
  extra: object
}

type SideOf<S> = S extends { serviceName: string }
  ? SideFrom<S, false, never>
  : S extends { linkable: infer L }
    ? SideFrom<
        L,
        S extends { isList: true } ? true : false,
        S extends { field: infer F extends string } ? F : never
      >
    : never

type SideFrom<L, IsList extends boolean, Field extends string> = L extends {
  serviceName: infer Module extends string
  field: infer Model extends string
  linkable: infer Key extends string
}
  ? {
      module: Module
      entity: SnakeCase<Model>
      key: Key
      isList: IsList
      field: Field
    }
  : never

/** The record type of one extra column. */
type ExtraValue<C extends ExtraColumnOptions> =
  | (C["type"] extends "enum"
      ? ItemsOf<C>
      : C["type"] extends "enumArray"
        ? ItemsOf<C>[]
        : C["type"] extends "string" | "text" | "uuid" | "time" | "blob" | "uint8array"
          ? string
          : C["type"] extends "boolean"
            ? boolean
            : C["type"] extends "date" | "datetime"
              ? Date
              : C["type"] extends "json"
                ? Record<string, unknown>
                : C["type"] extends "array"
                  ? string[]
                  : number)
  | (C extends { nullable: true } ? null : never)

type ItemsOf<C extends ExtraColumnOptions> = C extends {
  options: { items: readonly (infer I extends string)[] }
}
  ? I
  : string

type ExtraOf<O> = O extends { database: { extraColumns: infer Columns } }
  ? {
      -readonly [K in keyof Columns as SnakeCase<K & string>]: Columns[K] extends ExtraColumnOptions
        ? ExtraValue<Columns[K]>
        : never
    }
  : {}

/** The link a `defineLink(left, right, options)` call declares. */
export type LinkTypeOf<
  Left extends LinkSideInput,
  Right extends LinkSideInput,
  Options extends DefineLinkOptions,
> = {
  left: SideOf<Left>
  right: SideOf<Right>
  readOnly: Options extends { readOnly: true } ? true : false
  extra: ExtraOf<Options>
}

/** `product_post`: the link's own entity (`naming.ts` linkEntryPoint). */
export type EntryPointOf<L extends LinkType> = `${L["left"]["entity"]}_${L["right"]["entity"]}`

/** The query field a side appears under on the other model (`naming.ts` linkQueryField). */
export type QueryFieldOf<S extends LinkSideType> = [S["field"]] extends [never]
  ? S["isList"] extends true
    ? Plural<S["entity"]>
    : S["entity"]
  : S["field"]

/** Key columns of the link table; prefixed with the module when both sides share a key name. */
export type KeyColumnsOf<L extends LinkType> = L["left"]["key"] extends L["right"]["key"]
  ? [
      `${SnakeCase<L["left"]["module"]>}_${L["left"]["key"]}`,
      `${SnakeCase<L["right"]["module"]>}_${L["right"]["key"]}`,
    ]
  : [L["left"]["key"], L["right"]["key"]]
