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
