import type { App } from "../../src/app/index.ts"
import type { ReadCase } from "../measure/cases.ts"
import { rowsOf } from "./page.ts"

/**
 * Issue 5's cross-database target compares modlink with itself: product on the main database,
 * the blog module on a second one (batched `= ANY` and stitching), against the same query on the
 * one-database app holding the same data.
 */
export function crossDatabaseListing(split: App, single: App, take: number | undefined): ReadCase {
  const input = {
    entity: "product",
    fields: ["*", "post.*"],
    ...(take === undefined ? {} : { pagination: { take } }),
  }
  return {
    name: `cross-db product + post.* ${take === undefined ? "all" : `take ${take}`}`,
    ordered: take !== undefined,
    modlink: { label: "modlink, 2 databases", run: () => split.query.graph(input) },
    baselines: [{ label: "modlink, 1 database", run: () => single.query.graph(input) }],
    rows: rowsOf,
  }
}

/** Both directions of product ↔ post, sorted by the linked record's title. */
const SORTED_THROUGH_LINK = [
  { entity: "product", fields: ["*", "post.*"], order: { post: { title: "ASC" } } },
  { entity: "post", fields: ["*", "product.*"], order: { product: { title: "DESC" } } },
] as const

/**
 * Issue 22: a page sorted by a field of the linked record when that record is on the other
 * database (its ranks fetched first, then joined by key in the root statement), against the same
 * query on the one-database app, where the sort is a join in one statement.
 */
export function crossDatabaseSorted(split: App, single: App, take: number): ReadCase[] {
  return SORTED_THROUGH_LINK.map(({ entity, fields, order }) => {
    const input = { entity, fields: [...fields], pagination: { take, order } }
    const [link] = Object.entries(order)
    const [field, direction] = Object.entries(link[1])[0]
    return {
      name: `cross-db ${entity} order ${link[0]}.${field} ${direction} take ${take}`,
      ordered: true,
      modlink: { label: "modlink, 2 databases", run: () => split.query.graph(input) },
      baselines: [{ label: "modlink, 1 database", run: () => single.query.graph(input) }],
      rows: rowsOf,
    }
  })
}
