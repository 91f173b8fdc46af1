import { isPlainObject } from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { LinkGraph } from "./link-graph.ts"
import type { RecordsInput } from "./link-input.ts"

/**
 * Longest id accepted, in UTF-8 bytes. Link tables index their key columns, and a btree entry must
 * fit in about a third of a page (~2.7 kB); refusing longer ids here gives the reason up front
 * instead of the server's "index row requires … bytes".
 */
export const MAX_ID_BYTES = 1024

/** `String.prototype.isWellFormed` (Node 20) is typed in lib ES2024, past the project's ES2023. */
const isWellFormed = (value: string): boolean =>
  (value as unknown as { isWellFormed(): boolean }).isWellFormed()

/**
 * Checks one id. Ids are compared as text in link tables; PostgreSQL text cannot hold NUL, and an
 * object or number here is almost always a record passed where its id was meant. `where` may be a
 * function: a call of 10,000 pairs then builds no message it does not throw.
 */
export function readId(value: unknown, at: string | (() => string)): string {
  const where = () => (typeof at === "string" ? at : at())
  if (typeof value !== "string" || value.length === 0) {
    const shown =
      typeof value === "object" && value !== null
        ? "an object"
        : typeof value === "bigint"
          ? `${value}n`
          : JSON.stringify(value)
    throw new ModlinkError("INVALID_INPUT", `${where()} must be a non-empty string id, got ${shown}`, {
      hint: 'pass the id itself, e.g. { product_id: "prod_01H…" }',
    })
  }
  if (value.includes("\0")) {
    throw new ModlinkError("INVALID_INPUT", `${where()} contains a NUL character`, {
      hint: "ids are stored as PostgreSQL text, which cannot hold NUL",
    })
  }
  if (!isWellFormed(value)) {
    // Sent as UTF-8, half a surrogate pair would become U+FFFD: a different id, stored silently.
    throw new ModlinkError("INVALID_INPUT", `${where()} contains a lone surrogate (not valid Unicode)`, {
      hint: "ids are stored as PostgreSQL text in UTF-8, which cannot hold half of a surrogate pair",
    })
  }
  // UTF-8 takes at most 3 bytes per UTF-16 unit: a short id needs no count.
  if (value.length * 3 > MAX_ID_BYTES && Buffer.byteLength(value) > MAX_ID_BYTES) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `${where()} is ${Buffer.byteLength(value)} bytes long; ids are at most ${MAX_ID_BYTES}`,
      {
        hint: "link tables index their ids; pass the record's id, not a document",
      },
    )
  }
  return value
}

/**
 * `{ product: { product_id: ["p1"] } }` → `Map { "product.product" → ["p1"] }`, validated against the
 * modules and their linkable keys. Used by `delete` and `restore`, whose input names records, not pairs.
 */
export function readRecordIds(input: RecordsInput, graph: LinkGraph, method: string): Map<string, string[]> {
  if (!isPlainObject(input)) {
    throw new ModlinkError("INVALID_INPUT", `link.${method} takes { <module>: { <key>: id | id[] } }`, {
      hint: 'e.g. link.delete({ product: { product_id: "prod_1" } })',
    })
  }
  const result = new Map<string, string[]>()
  for (const [module, keys] of Object.entries(input)) {
    const known = graph.keysOf(module)
    if (!known) {
      throw new ModlinkError("INVALID_INPUT", `link.${method}: unknown module "${module}"`, {
        hint: suggest(module, graph.modules(), "modules"),
      })
    }
    if (!isPlainObject(keys)) {
      throw new ModlinkError("INVALID_INPUT", `link.${method}: ${module} must be { <key>: id | id[] }`, {
        hint: `keys of ${module}: ${[...known.keys()].join(", ")}`,
      })
    }
    for (const [key, value] of Object.entries(keys)) {
      const model = known.get(key)
      if (!model) {
        throw new ModlinkError("INVALID_INPUT", `link.${method}: module "${module}" has no key "${key}"`, {
          hint: suggest(key, known.keys(), `keys of ${module}`),
        })
      }
      const list = Array.isArray(value) ? value : [value]
      const ids = list.map((id, i) => readId(id, `${module}.${key}${Array.isArray(value) ? `[${i}]` : ""}`))
      result.set(model, [...new Set([...(result.get(model) ?? []), ...ids])])
    }
  }
  return result
}
