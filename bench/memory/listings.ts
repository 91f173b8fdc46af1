import type { App } from "../../src/app/index.ts"
import type { ReadCase } from "../measure/cases.ts"
import { oneToManyListing } from "../ops/one-to-many-listing.ts"
import { oneToOneListing, POST_TO_PRODUCT, PRODUCT_TO_POST } from "../ops/one-to-one-listing.ts"
import { streamedListing } from "../ops/streamed-listing.ts"

/**
 * The full listings whose peak memory is measured, by a key a child process can be given on its
 * command line: it rebuilds the same case from the project and database alone.
 */
export const FULL_LISTINGS: Record<string, (app: App) => ReadCase> = {
  "product-post": (app) => oneToOneListing(app, app.db, PRODUCT_TO_POST, undefined),
  "post-product": (app) => oneToOneListing(app, app.db, POST_TO_PRODUCT, undefined),
  "product-notes": (app) => oneToManyListing(app, app.db, undefined),
  streamed: (app) => streamedListing(app, app.db),
}

/** A full listing with its memory key set, so the runner measures it in child processes. */
export function fullListing(key: string, app: App): ReadCase {
  return { ...FULL_LISTINGS[key](app), memory: { listing: key } }
}
