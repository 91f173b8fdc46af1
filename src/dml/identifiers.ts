import { createHash } from "node:crypto"

/**
 * The one owner of PostgreSQL's identifier rules, for model tables and link tables alike: every
 * index, constraint and primary-key name is built here and fitted to 63 bytes. PostgreSQL cuts a
 * longer name silently, so a name built elsewhere would be stored cut and diff as a rename on
 * every run ("never settles").
 */

/** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1), silently. */
export const IDENTIFIER_MAX_BYTES = 63

const HASH_LENGTH = 8

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8")
}

export type IndexKind = "idx" | "unique"

/** A link table's index: `product_product_blog_post_post_id_unique`. */
export function linkIndexName(table: string, column: string, kind: IndexKind): string {
  return fitIdentifier(`${table}_${column}_${kind}`)
}

/**
 * A model table's index, Medusa's spelling: `IDX_post_title`, `IDX_product_handle_unique`. A name
 * the model gives (`.unique("name")`) is kept, only fitted.
 */
export function modelIndexName(table: string, column: string, unique: boolean, given?: string): string {
  return fitIdentifier(given ?? `IDX_${table}_${column}${unique ? "_unique" : ""}`)
}

/** `comment_post_id_foreign`. */
export function foreignKeyName(table: string, column: string): string {
  return fitIdentifier(`${table}_${column}_foreign`)
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
