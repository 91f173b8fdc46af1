import { createHash } from "node:crypto"
import { plural, toSnakeCase } from "../dml/names.ts"

/**
 * The one place link names are derived: table, entry point, service name, key columns, query
 * fields and index names. Everything else asks here, so a name never differs between the planner,
 * the link service and query.
 */

/** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1), silently. */
export const IDENTIFIER_MAX_BYTES = 63

const HASH_LENGTH = 8

export interface NamedSide {
  /** Module name (`product`, `blog`). */
  module: string
  /** Model name in camel case (`post`, `productVariant`). */
  field: string
  /** The linkable key of the model (`post_id`). */
  key: string
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8")
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

export type IndexKind = "idx" | "unique"

/** `product_product_blog_post_post_id_unique`, fitted to 63 bytes like the table name. */
export function linkIndexName(table: string, column: string, kind: IndexKind): string {
  return fitIdentifier(`${table}_${column}_${kind}`)
}

export function primaryKeyName(table: string): string {
  return fitIdentifier(`${table}_pkey`)
}

export function checkConstraintName(table: string, column: string): string {
  return fitIdentifier(`${table}_${column}_check`)
}

/**
 * Shortens a name over PostgreSQL's 63-byte limit into a readable one: consecutive repeated words
 * are dropped (`product_product` → `product`), then every word is cut to the same length (extra
 * room goes to the first words), and `_` plus 8 hex chars of the full name's sha1 is appended.
 * The hash covers the whole original name, so two names sharing their first 63 bytes still differ.
 */
export function fitIdentifier(name: string, limit = IDENTIFIER_MAX_BYTES): string {
  if (byteLength(name) <= limit) return name
  const hash = createHash("sha1").update(name).digest("hex").slice(0, HASH_LENGTH)
  const words = name.split("_").filter((word, i, all) => word !== "" && word !== all[i - 1])
  return `${squeezeWords(words, limit - HASH_LENGTH - 1)}_${hash}`
}

function squeezeWords(words: string[], budget: number): string {
  const chars = words.map((word) => Array.from(word))
  const fits = (lengths: number[]) =>
    byteLength(chars.map((c, i) => c.slice(0, lengths[i]).join("")).join("_")) <= budget
  const longest = Math.max(...chars.map((c) => c.length))
  let even = longest
  while (even > 1 && !fits(chars.map((c) => Math.min(c.length, even)))) even--
  const lengths = chars.map((c) => Math.min(c.length, even))
  if (!fits(lengths)) return truncateBytes(chars.map((c) => c[0]).join("_"), budget)
  // Hand the room left over to the first words, one character per word per round.
  let grew = true
  while (grew) {
    grew = false
    for (let i = 0; i < lengths.length; i++) {
      if (lengths[i] >= chars[i].length) continue
      lengths[i]++
      if (fits(lengths)) grew = true
      else lengths[i]--
    }
  }
  return chars.map((c, i) => c.slice(0, lengths[i]).join("")).join("_")
}

/** Cuts at a character boundary so a multi-byte character is never split. */
function truncateBytes(text: string, budget: number): string {
  let result = ""
  for (const char of text) {
    if (byteLength(result + char) > budget) break
    result += char
  }
  return result.replace(/_+$/, "")
}
