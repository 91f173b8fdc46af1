import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { WriteCase } from "../measure/cases.ts"

const LINK_TABLE = "product_product_blog_post"

/**
 * The same work by hand, in one transaction: insert the products (ids returned) and link each to
 * its post with the upsert `link.create` performs.
 */
async function handWritten(db: Database, titles: string[], handles: string[], posts: string[]) {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `insert into product (id, title, handle, status)
       select 'prod_' || gen_random_uuid(), t, h, 'published' from unnest($1::text[], $2::text[]) with ordinality as u(t, h, n)
       order by n returning id`,
      [titles, handles],
    )
    await tx.query(
      `insert into ${LINK_TABLE} (id, product_id, post_id)
       select 'link_' || gen_random_uuid(), p, q from unnest($1::text[], $2::text[]) as u(p, q)
       on conflict (product_id, post_id) do update set deleted_at = null, updated_at = now()`,
      [rows.map((r) => r.id), posts],
    )
  })
}

/**
 * `createProducts` of N products then `link.create` of N pairs (each to an existing post), inside
 * one `app.transaction` or as two calls without one, against the hand-written SQL transaction.
 */
export function createAndLink(app: App, db: Database, posts: string[], inTransaction: boolean): WriteCase {
  const size = posts.length
  const titles = posts.map((_, i) => `Linked product ${i + 1}`)
  const handles = posts.map((_, i) => `linked-${i + 1}`)
  const input = titles.map((title, i) => ({ title, handle: handles[i], status: "published" }))
  const work = async (scope: { resolve(name: string): any }) => {
    const products = await scope.resolve("product").createProducts(input)
    await scope.resolve("link").create(
      products.map((p: { id: string }, i: number) => ({
        product: { product_id: p.id },
        blog: { post_id: posts[i] },
      })),
    )
  }
  return {
    name: `createProducts + link.create ×${size}, ${inTransaction ? "one app.transaction" : "two calls, no transaction"}`,
    baselineLabel: "BEGIN; INSERT; INSERT … ON CONFLICT; COMMIT",
    rows: size,
    reset: () => db.exec(`truncate product cascade; truncate ${LINK_TABLE}`),
    modlink: () => (inTransaction ? app.transaction(work) : work(app)),
    baseline: () => handWritten(db, titles, handles, posts),
    state: async () =>
      (
        await db.query(
          `select count(*)::int as count, md5(string_agg(p.handle || '|' || l.post_id, ',' order by p.handle)) as digest
           from ${LINK_TABLE} l join product p on p.id = l.product_id`,
        )
      ).rows[0],
  }
}
