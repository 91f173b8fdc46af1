import type { App } from "../../../src/app/index.ts"
import { sql } from "../../../src/db/index.ts"

let counter = 0

/**
 * A graph over three modules with a cycle, written through the services and the link service:
 *   p1 → postA, postB;  postA → rev1;  rev1 → p2;  p2 → postC;  postC → rev2;  rev2 → p1 (cycle)
 *   p1 — comment c1 (no cascade);  p1 → postE dismissed on purpose;  p3 → postD (untouched)
 */
export async function seedCycle(app: App) {
  const n = ++counter
  const products = await app
    .resolve("product")
    .createProducts(["p1", "p2", "p3"].map((p) => ({ title: p, handle: `${p}-${n}` })))
  const posts = await app.resolve("blog").createPosts(["A", "B", "C", "D", "E"].map((t) => ({ title: t })))
  const reviews = await app.resolve("review").createReviews([{ body: "r1" }, { body: "r2" }])
  const [p1, p2, p3] = products.map((p: { id: string }) => p.id)
  const [postA, postB, postC, postD, postE] = posts.map((p: { id: string }) => p.id)
  const [rev1, rev2] = reviews.map((r: { id: string }) => r.id)
  const [c1] = await app.resolve("blog").createComments([{ body: "c1", post_id: postE }])
  const pp = (product: string, post: string) => ({
    product: { product_id: product },
    blog: { post_id: post },
  })
  const pr = (post: string, review: string) => ({ blog: { post_id: post }, review: { review_id: review } })
  const rp = (review: string, product: string) => ({
    review: { review_id: review },
    product: { product_id: product },
  })
  await app.link.create([
    pp(p1, postA),
    pp(p1, postB),
    pp(p2, postC),
    pp(p3, postD),
    pp(p1, postE),
    pr(postA, rev1),
    pr(postC, rev2),
    rp(rev1, p2),
    rp(rev2, p1),
    { product: { product_id: p1 }, blog: { comment_id: c1.id } },
  ])
  const [dismissed] = await app.link.dismiss(pp(p1, postE))
  return { p1, p2, p3, postA, postB, postC, postD, postE, rev1, rev2, c1: c1.id as string, dismissed }
}

/** Every row of every module and link table on one database, to prove nothing changed. */
export async function snapshot(app: App, database = app.db): Promise<string> {
  const { rows: tables } = await database.query<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  )
  const dump: Record<string, unknown[]> = {}
  for (const { name } of tables) {
    dump[name] = (await database.query(sql`select * from ${sql.id(name)} order by 1`)).rows
  }
  return JSON.stringify(dump)
}

/** Ids of the live rows of a module table. */
export async function liveIds(app: App, module: string, table: string): Promise<string[]> {
  const { rows } = await app
    .databaseOf(module)
    .query<{ id: string }>(sql`select id from ${sql.id(table)} where deleted_at is null order by id`)
  return rows.map((r) => r.id)
}
