import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { WriteCase } from "../measure/cases.ts"
import { tableDigest } from "./table-digest.ts"

/** What `createProducts` is given: N published products with a title and a handle. */
export function productInputs(size: number): { title: string; handle: string; status: string }[] {
  return Array.from({ length: size }, (_, i) => ({
    title: `Product ${i + 1}`,
    handle: `product-${i + 1}`,
    status: "published",
  }))
}

/**
 * `createProducts` of N records through the service (validation, defaults, generated ULIDs, one
 * INSERT returning the stored rows) against one hand-written INSERT … SELECT FROM unnest that lets
 * PostgreSQL fill ids and defaults and returns nothing: the least work that stores the same data.
 */
export function createProducts(app: App, db: Database, size: number): WriteCase {
  const input = productInputs(size)
  const titles = input.map((p) => p.title)
  const handles = input.map((p) => p.handle)
  return {
    name: `createProducts ×${size}`,
    baselineLabel: "INSERT … unnest",
    rows: size,
    reset: () => db.exec("truncate product cascade"),
    modlink: () => app.resolve("product").createProducts(input),
    baseline: () =>
      db.query(
        `insert into product (id, title, handle, status)
         select 'prod_' || gen_random_uuid(), t, h, 'published' from unnest($1::text[], $2::text[]) as u(t, h)`,
        [titles, handles],
      ),
    state: () => tableDigest(db, "product", "title, handle, status, is_giftcard, discountable"),
  }
}

/** `createPosts` of N records against the same kind of INSERT … unnest. */
export function createPosts(app: App, db: Database, size: number): WriteCase {
  const titles = Array.from({ length: size }, (_, i) => `Post ${i + 1}`)
  const bodies = Array.from({ length: size }, (_, i) => `Body of post ${i + 1}`)
  const input = titles.map((title, i) => ({ title, body: bodies[i] }))
  return {
    name: `createPosts ×${size}`,
    baselineLabel: "INSERT … unnest",
    rows: size,
    reset: () => db.exec("truncate post"),
    modlink: () => app.resolve("blog").createPosts(input),
    baseline: () =>
      db.query(
        `insert into post (id, title, body)
         select 'post_' || gen_random_uuid(), t, b from unnest($1::text[], $2::text[]) as u(t, b)`,
        [titles, bodies],
      ),
    state: () => tableDigest(db, "post", "title, body"),
  }
}
