import { fitIdentifier } from "../dml/identifiers.ts"
import { plural, toSnakeCase } from "../dml/names.ts"

/**
 * The one place link names are derived: table, entry point, service name, key columns and query
 * fields (index and constraint names come from `dml/identifiers.ts`, shared with models). Everything else asks here, so a name never differs between the planner,
 * the link service and query.
 */

export interface NamedSide {
  /** Module name (`product`, `blog`). */
  module: string
  /** Model name in camel case (`post`, `productVariant`). */
  field: string
  /** The linkable key of the model (`post_id`). */
  key: string
}

/** `product_id` → `product`: a table name carries model names, not key column names. */
function withoutIdSuffix(name: string): string {
  return name.replace(/_id$/i, "")
}

/**
 * `<moduleA>_<modelA>_<moduleB>_<modelB>` as Medusa's composeTableName builds it (from the module
 * names and linkable keys, lowercased), before any shortening: `product_product_blog_post`.
 */
export function composeLinkTableName(left: NamedSide, right: NamedSide): string {
  return [left.module, withoutIdSuffix(left.key), right.module, withoutIdSuffix(right.key)]
    .join("_")
    .toLowerCase()
}

/** The final table name: the pinned `database.table` or the composed name, fitted to 63 bytes. */
export function linkTableName(left: NamedSide, right: NamedSide, pinned?: string): string {
  return fitIdentifier(requestedLinkTableName(left, right, pinned))
}

/** The table name as asked for, before shortening: recorded so a reader can see where a name came from. */
export function requestedLinkTableName(left: NamedSide, right: NamedSide, pinned?: string): string {
  // Lowercased like Medusa, so a table pinned to a Medusa-era name finds the same table.
  return pinned ? pinned.toLowerCase() : composeLinkTableName(left, right)
}

/** Query entity of the link itself: `product_post`. */
export function linkEntryPoint(left: NamedSide, right: NamedSide): string {
  return `${toSnakeCase(left.field)}_${toSnakeCase(right.field)}`
}

/** Medusa's link service name, `ProductProductBlogPostLink`: words split on `_`, each capitalised. */
export function linkServiceName(left: NamedSide, right: NamedSide): string {
  const words = [left.module, toSnakeCase(left.field), right.module, toSnakeCase(right.field), "link"]
    .join("_")
    .split("_")
    .filter(Boolean)
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join("")
}

/**
 * The field a side's records appear under on the other model: `product.posts` when the post side
 * is a list, `post.product` otherwise. An explicit `field` is used as written.
 */
export function linkQueryField(side: NamedSide & { isList: boolean }, override?: string): string {
  if (override) return override
  const name = toSnakeCase(side.field)
  return side.isList ? plural(name) : name
}

/**
 * Key columns of the link table, named after the linkable keys (`product_id`, `post_id`). When two
 * modules' models share a key name (a custom `product` linked to the built-in one), each is
 * prefixed with its module so the columns stay distinct.
 */
export function linkKeyColumns(left: NamedSide, right: NamedSide): [string, string] {
  if (left.key !== right.key) return [left.key, right.key]
  return [`${toSnakeCase(left.module)}_${left.key}`, `${toSnakeCase(right.module)}_${right.key}`]
}
