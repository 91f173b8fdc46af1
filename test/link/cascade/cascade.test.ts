import { afterAll, beforeAll, expect, it } from "vitest"
import type { App } from "../../../src/app/index.ts"
import { sql } from "../../../src/db/index.ts"
import { CascadeJournal } from "../../../src/link/cascade/cascade-journal.ts"
import { type CascadeReport, createLinkService, type LinkEvent } from "../../../src/link/service/index.ts"
import { describeBackends } from "../../support/backends.ts"
import { createProject, type Project } from "../../support/project.ts"
import { startApp } from "../../support/start-app.ts"
import { cascadeProject, countStatements } from "../service/link-project.ts"
import { liveIds, seedCycle, snapshot } from "./cascade-fixture.ts"

/** The report with every list sorted, so traversal order does not matter. */
function sorted(report: CascadeReport) {
  const records = Object.fromEntries(
    Object.entries(report.records).map(([m, keys]) => [
      m,
      Object.fromEntries(Object.entries(keys).map(([k, ids]) => [k, [...ids].sort()])),
    ]),
  )
  const links = Object.fromEntries(
    Object.entries(report.links).map(([l, rows]) => [l, rows.map((r) => r.id).sort()]),
  )
  return { records, links }
}

async function linkIds(app: App, table: string, live = true): Promise<string[]> {
  const { rows } = await app.db.query<{ id: string }>(
    sql`select id from ${sql.id(table)} where (deleted_at is null) = ${live} order by id`,
  )
  return rows.map((r) => r.id)
}

describeBackends("link.delete and link.restore", ({ url }) => {
  let project: Project
  let app: App

  beforeAll(async () => {
    project = createProject(cascadeProject())
    app = await startApp(project.dir, url())
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
  })

  it("cascades through three modules and a cycle, each record once, in one call", async () => {
    const g = await seedCycle(app)
    await app.resolve("product").softDeleteProducts([g.p1], { cascadeLinks: false })
    const before = await app.link.list({ product: { product_id: [g.p1, g.p2] } })
    const preview = await app.link.delete({ product: { product_id: g.p1 } }, { dryRun: true })
    const report = await app.link.delete({ product: { product_id: g.p1 } })

    expect(sorted(report).records).toEqual({
      blog: { post_id: [g.postA, g.postB, g.postC].sort() },
      review: { review_id: [g.rev1, g.rev2].sort() },
      product: { product_id: [g.p2] },
    })
    expect(Object.keys(report.links).sort()).toEqual([
      "post_review",
      "product_comment",
      "product_post",
      "review_product",
    ])
    expect(report.links.product_post).toHaveLength(3)
    expect(report.links.review_product.map((r) => r.product_id).sort()).toEqual([g.p1, g.p2].sort())
    expect(report.cascades).toHaveLength(1)
    expect(sorted(preview)).toEqual(sorted(report))
    expect(preview.cascades).toEqual([])

    expect(await liveIds(app, "blog", "post")).toEqual(expect.arrayContaining([g.postD, g.postE]))
    expect(await liveIds(app, "blog", "post")).not.toContain(g.postA)
    expect(await liveIds(app, "review", "review")).not.toContain(g.rev2)
    expect(await liveIds(app, "product", "product")).toEqual(expect.arrayContaining([g.p3]))
    expect(await liveIds(app, "blog", "comment")).toContain(g.c1)
    expect(before.length).toBeGreaterThan(0)
    expect(await app.link.list({ product: { product_id: [g.p1, g.p2] } })).toEqual([])

    const again = await app.link.delete({ product: { product_id: g.p1 } })
    expect(again).toEqual({ records: {}, links: {}, cascades: [] })
  })

  it("dryRun returns the report and changes nothing", async () => {
    const g = await seedCycle(app)
    const state = await snapshot(app)
    const preview = await app.link.delete({ product: { product_id: [g.p1] } }, { dryRun: true })
    expect(sorted(preview).records.blog.post_id).toEqual([g.postA, g.postB, g.postC].sort())
    expect(await snapshot(app)).toBe(state)
  })

  it("restore brings back what the cascade removed, and not a link dismissed before", async () => {
    const g = await seedCycle(app)
    const products = app.resolve("product")
    const events: LinkEvent[] = []
    const off = app.onLink("attached", (e) => void events.push(e))
    await products.softDeleteProducts([g.p1])
    expect(await liveIds(app, "blog", "post")).not.toContain(g.postC)

    await products.restoreProducts([g.p1])
    off()
    const posts = await liveIds(app, "blog", "post")
    expect(posts).toEqual(expect.arrayContaining([g.postA, g.postB, g.postC, g.postD, g.postE]))
    expect(await liveIds(app, "review", "review")).toEqual(expect.arrayContaining([g.rev1, g.rev2]))
    expect(await liveIds(app, "product", "product")).toEqual(expect.arrayContaining([g.p1, g.p2]))
    const links = await app.link.list({ product: { product_id: [g.p1, g.p2] } })
    expect(links).toHaveLength(6)
    expect(await linkIds(app, "product_product_blog_post", false)).toContain(g.dismissed.id)
    const [stillDismissed] = await app.link.list(
      { product: { product_id: g.p1 }, blog: { post_id: g.postE } },
      { withDeleted: true },
    )
    expect(stillDismissed.deleted_at).toEqual(g.dismissed.deleted_at)
    expect(events.map((e) => e.link).sort()).toEqual([
      "post_review",
      "product_comment",
      "product_post",
      "review_product",
    ])

    const twice = await app.link.restore({ product: { product_id: g.p1 } })
    expect(twice.records).toEqual({})
    expect(twice.links).toEqual({})
  })

  it("restoring one of two products deleted together leaves the other's cascade deleted", async () => {
    const products = app.resolve("product")
    const [pa, pb] = await products.createProducts([
      { title: "a", handle: "pair-a" },
      { title: "b", handle: "pair-b" },
    ])
    const [postX, postY] = await app.resolve("blog").createPosts([{ title: "x" }, { title: "y" }])
    const [shared] = await app.resolve("blog").createComments([{ body: "shared", post_id: postX.id }])
    await app.link.create([
      { product: { product_id: pa.id }, blog: { post_id: postX.id } },
      { product: { product_id: pb.id }, blog: { post_id: postY.id } },
      { product: { product_id: pa.id }, blog: { comment_id: shared.id } },
    ])
    await products.softDeleteProducts([pa.id, pb.id])
    const entriesOf = async (id: string) =>
      (
        await app.db.query<{ id: string }>(
          sql`select id from modlink_link_cascades where exists (select from unnest(keys) as k where k like ${`%:${id}`})`,
        )
      ).rows
    const [entry] = await entriesOf(pa.id)
    expect(await entriesOf(pb.id)).toEqual([entry])
    await products.restoreProducts([pa.id])
    // pb's half of the cascade still needs the entry: it is kept until every root came back.
    expect(await entriesOf(pb.id)).toEqual([entry])
    const posts = await liveIds(app, "blog", "post")
    expect(posts).toContain(postX.id)
    expect(posts).not.toContain(postY.id)
    expect(await app.link.list({ product: { product_id: pa.id } })).toHaveLength(2)
    expect(await app.link.list({ product: { product_id: pb.id } })).toHaveLength(0)

    await products.restoreProducts([pb.id])
    expect(await liveIds(app, "blog", "post")).toContain(postY.id)
    expect(await app.link.list({ product: { product_id: pb.id } })).toHaveLength(1)
    expect(await entriesOf(pb.id)).toEqual([])
  })

  it("prunes applied journal entries older than the retention, never a pending one", async () => {
    const journal = new CascadeJournal()
    await journal.ensure(app.db)
    const count = async (status: string) =>
      (
        await app.db.query<{ n: number }>(
          sql`select count(*)::int as n from modlink_link_cascades where status = ${status}`,
        )
      ).rows[0].n
    const old = async (id: string, status: string) =>
      app.db.query(
        sql`insert into modlink_link_cascades (id, stamp, status, keys, plan, created_at) values (${id}, now(), ${status}, '{}', '{"roots":{},"records":{}}', now() - interval '40 days')`,
      )
    await old("cascade_old_applied", "applied")
    await old("cascade_old_pending", "pending")
    const applied = await count("applied")
    expect(await journal.prune(app.db, 60)).toBe(0)
    expect(await journal.prune(app.db, 30)).toBe(1)
    expect(await count("applied")).toBe(applied - 1)
    expect(await count("pending")).toBeGreaterThanOrEqual(1)
    await app.db.query(sql`delete from modlink_link_cascades where id = 'cascade_old_pending'`)
  })

  it("cascades by itself when records are deleted through a service, unless turned off", async () => {
    const g = await seedCycle(app)
    const detached: LinkEvent[] = []
    const off = app.onLink("detached", (e) => void detached.push(e))
    await app.resolve("blog").softDeletePosts([g.postD], { cascadeLinks: false })
    expect(await app.link.list({ product: { product_id: g.p3 } })).toHaveLength(1)
    await app.resolve("product").deleteProducts([g.p3])
    off()
    expect(await app.link.list({ product: { product_id: g.p3 } })).toHaveLength(0)
    expect(detached).toEqual([
      {
        link: "product_post",
        table: "product_product_blog_post",
        rows: [expect.objectContaining({ product_id: g.p3, post_id: g.postD })],
      },
    ])
    await app.resolve("blog").softDeletePosts([g.postB])
    expect(await app.link.list({ blog: { post_id: g.postB }, product: {} })).toHaveLength(0)
    expect(await liveIds(app, "product", "product")).toContain(g.p1)
  })

  it("runs a constant number of statements per level, whatever the number of records", async () => {
    const counted = countStatements(app.db)
    const link = createLinkService({
      links: app.links,
      databases: new Map([["main", counted.db]]),
      placement: app.placement,
    })
    let round = 0
    /** n products, each with two posts, each post with one review: three levels below the roots. */
    const cascadeOf = async (n: number) => {
      round++
      const products = await app
        .resolve("product")
        .createProducts(Array.from({ length: n }, (_, i) => ({ title: "t", handle: `level-${round}-${i}` })))
      const posts = await app
        .resolve("blog")
        .createPosts(Array.from({ length: 2 * n }, () => ({ title: "p" })))
      const reviews = await app
        .resolve("review")
        .createReviews(Array.from({ length: 2 * n }, () => ({ body: "r" })))
      await link.create([
        ...posts.map((post: { id: string }, i: number) => ({
          product: { product_id: products[i >> 1].id },
          blog: { post_id: post.id },
        })),
        ...posts.map((post: { id: string }, i: number) => ({
          blog: { post_id: post.id },
          review: { review_id: reviews[i].id },
        })),
      ])
      const before = counted.count()
      const report = await link.delete({ product: { product_id: products.map((p: { id: string }) => p.id) } })
      expect(report.records.review.review_id).toHaveLength(2 * n)
      return counted.count() - before
    }
    await cascadeOf(1) // the first call looks up the cascade journal table once
    expect(await cascadeOf(2)).toBe(await cascadeOf(300))
  })

  it("rejects unknown modules and keys before doing anything", async () => {
    await expect(app.link.delete({ prodcut: { product_id: "x" } })).rejects.toThrow(/did you mean "product"/)
    await expect(app.link.delete({ product: { id: "x" } })).rejects.toThrow(/has no key "id"/)
    await expect(app.link.delete({ product: { product_id: [1 as never] } })).rejects.toThrow(/string id/)
    expect(await app.link.delete({ blog: { comment_id: [] } })).toEqual({
      records: {},
      links: {},
      cascades: [],
    })
  })
})
