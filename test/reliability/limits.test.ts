import { afterAll, beforeAll, expect, it } from "vitest"
import type { App } from "../../src/app/index.ts"
import { sql } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { describeBackends } from "../support/backends.ts"
import type { Project } from "../support/project.ts"
import { startApp, UNCHECKED_LINKS } from "../support/start-app.ts"
import { countParameters, MAX_PARAMETERS, type ParameterCounter } from "./support/count-parameters.ts"
import { linkProject } from "./support/link-project.ts"
import { MAX_MESSAGE } from "./support/outcome.ts"

/**
 * Inputs far beyond everyday use. Each must work, or fail with a ModlinkError, while the process
 * heap stays bounded (generous: a buggy quadratic copy of a 1 MB string or of 100,000 ids blows
 * well past it) and no statement carries more bind parameters than the protocol allows. Every
 * statement run during the file goes through the parameter counter.
 */
const IDS = 100_000
/** Two keys per pair: bound one parameter per key, 35,000 pairs would need 70,000 parameters. */
const PAIRS = 35_000
/** Six columns per comment: bound one parameter per value, 12,000 rows would need 72,000. */
const RECORDS = 12_000
const MEGABYTE = `${"x".repeat(1024 * 1024 - 5)}'; --`
const HEAP_BOUND = 1024 * 1024 * 1024

describeBackends("limits", ({ kind, url }) => {
  let project: Project
  let app: App
  let counter: ParameterCounter
  let blog: Record<string, (...args: any[]) => Promise<any>>
  const seed = { products: [] as string[], posts: [] as string[] }

  /** Runs `work` and checks the heap afterwards; a thrown error must be a ModlinkError. */
  async function bounded<T>(work: () => Promise<T>): Promise<{ value?: T; error?: Error }> {
    try {
      return { value: await work() }
    } catch (error) {
      expect(isModlinkError(error), String(error)).toBe(true)
      return { error: error as Error }
    } finally {
      expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BOUND)
    }
  }

  beforeAll(async () => {
    project = linkProject()
    app = await startApp(project.dir, url(), UNCHECKED_LINKS)
    counter = countParameters(app.db)
    blog = app.resolve("blog")
    const products = await app.resolve("product").createProducts([
      { title: "A", handle: "a" },
      { title: "B", handle: "b" },
    ])
    const posts = await blog.createPosts([{ title: "one" }, { title: "two" }])
    seed.products = products.map((p: { id: string }) => p.id)
    seed.posts = posts.map((p: { id: string }) => p.id)
    await app.link.create(
      seed.products.map((id, i) => ({ product: { product_id: id }, blog: { post_id: seed.posts[i] } })),
    )
  })
  afterAll(async () => {
    console.log(
      `limits [${kind}]: ${counter?.statements} statements, at most ${counter?.max} bind parameters in one`,
    )
    counter?.stop()
    await app?.close()
    project?.cleanup()
  })

  it(`filters by ${IDS.toLocaleString("en")} ids on the root, through a link, in services and in link.list`, async () => {
    const ids = [...Array.from({ length: IDS - 1 }, (_, i) => `post_missing_${i}`), seed.posts[0]]
    const root = await bounded(() =>
      app.query.graph({ entity: "post", fields: ["id"], filters: { id: ids } }),
    )
    expect(root.value?.data).toEqual([{ id: seed.posts[0] }])
    const excluded = await bounded(() =>
      app.query.graph({ entity: "post", fields: ["id"], filters: { id: { $nin: ids } } }),
    )
    expect(excluded.value?.data).toEqual([{ id: seed.posts[1] }])
    const productIds = [...ids.map((id) => id.replace("post", "prod")), seed.products[1]]
    const linked = await bounded(() =>
      app.query.graph({
        entity: "post",
        fields: ["id", "product.id"],
        filters: { product: { id: productIds } },
      }),
    )
    expect(linked.value?.data).toEqual([{ id: seed.posts[1], product: { id: seed.products[1] } }])
    expect((await bounded(() => blog.listPosts({ id: ids }))).value).toHaveLength(1)
    const links = await bounded(() => app.link.list({ blog: { post_id: ids } }))
    expect(links.value?.map((row) => row.post_id)).toEqual([seed.posts[0]])
    // A delete of 100,000 ids that match nothing, with its link cascade, changes nothing.
    await bounded(() => blog.softDeletePosts(ids.slice(0, -1)))
    expect(await blog.listPosts({}, { select: ["id"] })).toHaveLength(2)
    expect(counter.max).toBeLessThanOrEqual(MAX_PARAMETERS)
  })

  it(`links ${PAIRS.toLocaleString("en")} pairs in one call, lists and dismisses them`, async () => {
    const pairs = Array.from({ length: PAIRS }, (_, i) => ({
      product: { product_collection_id: `pcol_${i % 350}` },
      blog: { comment_id: `com_${i}` },
      data: { note: `n${i}` },
    }))
    const created = await bounded(() => app.link.create(pairs))
    expect(created.value).toHaveLength(PAIRS)
    const { rows } = await app.db.query<{ n: number }>(
      sql`select count(*)::int as n from product_product_collection_blog_comment where deleted_at is null`,
    )
    expect(rows[0].n).toBe(PAIRS)
    const listed = await bounded(() => app.link.list({ product: { product_collection_id: "pcol_7" } }))
    expect(listed.value).toHaveLength(PAIRS / 350)
    const dismissed = await bounded(() => app.link.dismiss(pairs))
    expect(dismissed.value).toHaveLength(PAIRS)
    expect(counter.max).toBeLessThanOrEqual(MAX_PARAMETERS)
  })

  it(`creates, updates and deletes ${RECORDS.toLocaleString("en")} records in one service call each`, async () => {
    const created = await bounded(() =>
      blog.createComments(
        Array.from({ length: RECORDS }, (_, i) => ({ body: `b${i}`, post_id: seed.posts[0] })),
      ),
    )
    const ids = (created.value as Array<{ id: string }>).map((c) => c.id)
    expect(ids).toHaveLength(RECORDS)
    const updated = await bounded(() => blog.updateComments(ids.map((id) => ({ id, body: "edited" }))))
    expect(updated.value).toHaveLength(RECORDS)
    // The delete runs the link cascade for every id too.
    await bounded(() => blog.deleteComments(ids))
    expect(await blog.listComments({ id: ids.slice(0, 100) })).toEqual([])
    expect(counter.max).toBeLessThanOrEqual(MAX_PARAMETERS)
  })

  it("stores, filters and links a 1 MB string value", async () => {
    const created = await bounded(() => blog.createPosts({ title: MEGABYTE }))
    const id = (created.value as { id: string }).id
    const found = await bounded(() =>
      app.query.graph({ entity: "post", fields: ["id", "title"], filters: { title: MEGABYTE } }),
    )
    expect(found.value?.data).toEqual([{ id, title: MEGABYTE }])
    const like = await bounded(() =>
      app.query.graph({ entity: "post", fields: ["id"], filters: { title: { $like: `${MEGABYTE}%` } } }),
    )
    expect(like.value?.data).toEqual([{ id }])
    const linked = await bounded(() =>
      app.link.create({
        product: { product_collection_id: "pcol_big" },
        blog: { comment_id: "com_big" },
        data: { note: MEGABYTE },
      }),
    )
    expect(linked.error).toBeUndefined()
    expect(linked.value?.[0].data.note).toBe(MEGABYTE)
    // A megabyte id cannot enter the link table's btree key (at most about 2.7 kB per entry): the
    // call is refused before any SQL, with the limit, and nothing is written.
    const hugeId = await bounded(() =>
      app.link.create({ product: { product_collection_id: MEGABYTE }, blog: { comment_id: "com_big" } }),
    )
    expect(hugeId.error?.message).toMatch(/bytes long; ids are at most 1024/)
    const { rows } = await app.db.query<{ n: number }>(
      sql`select count(*)::int as n from product_product_collection_blog_comment where product_collection_id = ${MEGABYTE}`,
    )
    expect(rows[0].n).toBe(0)
    // An unknown field named by a megabyte: refused, with a message that does not echo all of it.
    const unknown = await bounded(() => app.query.graph({ entity: "post", fields: [MEGABYTE] }))
    expect(unknown.error?.message).toMatch(/^Unknown field "xxx/)
    expect(unknown.error?.message.length).toBeLessThan(MAX_MESSAGE)
    await app.db.query(sql`delete from post where id = ${id}`)
  })

  it("answers a query of 10,000 fields, and refuses 10,000 unknown ones", async () => {
    const valid = ["id", "title", "body", "views", "comments.body", "product.title", "product.handle"]
    const fields = Array.from({ length: 10_000 }, (_, i) => valid[i % valid.length])
    const result = await bounded(() =>
      app.query.graph({ entity: "post", fields, filters: { id: seed.posts[0] } }),
    )
    expect(result.value?.data[0]).toMatchObject({ id: seed.posts[0], title: "one", product: { title: "A" } })
    const unknown = Array.from({ length: 10_000 }, (_, i) => `field_${i}`)
    const refused = await bounded(() => app.query.graph({ entity: "post", fields: unknown }))
    expect(refused.error?.message).toMatch(/field_0/)
  })

  it("answers a query of depth 20 through relations and links, in fields and in filters", async () => {
    // post → comments → post → …: a module relationship, 20 levels.
    const relations = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? "comments" : "post")).join(".")
    const viaRelations = await bounded(() =>
      app.query.graph({ entity: "post", fields: ["id", `${relations}.id`], filters: { id: seed.posts[0] } }),
    )
    expect(viaRelations.value?.data).toEqual([{ id: seed.posts[0], comments: [] }])
    // post → product → post → …: a link, 20 levels; every level is the same linked pair.
    const links = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? "product" : "post")).join(".")
    const viaLinks = await bounded(() =>
      app.query.graph({ entity: "post", fields: ["id", `${links}.id`], filters: { id: seed.posts[0] } }),
    )
    let level: any = viaLinks.value?.data[0]
    for (let depth = 0; depth < 20; depth++) {
      level = level[depth % 2 === 0 ? "product" : "post"]
      expect(level.id).toBe(depth % 2 === 0 ? seed.products[0] : seed.posts[0])
    }
    let filter: Record<string, unknown> = { title: "one" }
    for (let depth = 19; depth >= 0; depth--)
      filter = depth % 2 === 0 ? { product: filter } : { post: filter }
    // 20 levels from post end on a post again: only the first post's chain reaches title "one".
    const filtered = await bounded(() => app.query.graph({ entity: "post", fields: ["id"], filters: filter }))
    expect(filtered.value?.data).toEqual([{ id: seed.posts[0] }])
    expect(counter.max).toBeLessThanOrEqual(MAX_PARAMETERS)
  })
})
