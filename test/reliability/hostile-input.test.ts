import fc from "fast-check"
import { afterAll, beforeAll, expect, it } from "vitest"
import type { App } from "../../src/app/index.ts"
import { sql } from "../../src/db/index.ts"
import { describeBackends } from "../support/backends.ts"
import type { Project } from "../support/project.ts"
import { startApp, UNCHECKED_LINKS } from "../support/start-app.ts"
import { fingerprinter } from "./support/db-checksum.ts"
import { hostileString, hostileValue, nest, objectWith } from "./support/hostile-values.ts"
import { linkProject } from "./support/link-project.ts"
import { outcomeOf } from "./support/outcome.ts"

/**
 * Every string position a caller controls, fed with generated hostile input. The contract per call:
 * it resolves with data, or rejects with a ModlinkError (never a TypeError, never a server syntax
 * error), the process survives, and the database is exactly as before: a fingerprint statement
 * (relation list + md5 of every table's rows) compared with the baseline. Calls that legitimately
 * write (a create treats the hostile text as data) check the round trip, then remove their own row
 * by primary key, so the fingerprint must come back to the baseline: any other change would stay.
 *
 * On the server the fingerprint runs after every case, which pins a failure to its input. PGlite
 * runs statements one at a time in this process and the fingerprint costs tens of milliseconds
 * there, so it runs after every 20th case and after every property: an injected change persists
 * (nothing here restores other rows), so it is still caught, only less precisely located.
 *
 * Runs per property are sized so the file stays within a few seconds per backend while the two
 * backends together try well over 10,000 generated inputs; most fail validation before any SQL.
 */
const RUNS = { cheap: 600, write: 200 }

describeBackends("hostile input", ({ kind, url }) => {
  let project: Project
  let app: App
  let blog: Record<string, (...args: any[]) => Promise<any>>
  let fingerprint: () => Promise<string>
  let baseline: string
  let tried = 0
  let rejected = 0
  const seed = { product: "", post: "", comment: "", collection: "" }

  /** One case: the call keeps the contract and leaves the database as it was. */
  async function safely(call: () => Promise<unknown>, input: unknown) {
    tried++
    const outcome = await outcomeOf(call, input)
    if (!outcome.ok) rejected++
    if (kind === "postgres" || tried % 20 === 0) expect(await fingerprint()).toBe(baseline)
    return outcome
  }

  const assertProperty = async <T>(
    arb: fc.Arbitrary<T>,
    check: (value: T) => Promise<void>,
    numRuns: number,
  ) => {
    await fc.assert(fc.asyncProperty(arb, check), { numRuns, endOnFailure: true })
    expect(await fingerprint()).toBe(baseline)
  }

  beforeAll(async () => {
    project = linkProject()
    app = await startApp(project.dir, url(), UNCHECKED_LINKS)
    blog = app.resolve("blog")
    const products = app.resolve("product")
    const [product] = await products.createProducts([{ title: "Lamp", handle: "lamp" }])
    const [collection] = await products.createProductCollections([{ title: "Autumn", handle: "autumn" }])
    const [post] = await blog.createPosts([{ title: "Hello" }])
    const [comment] = await blog.createComments([{ body: "Nice", post_id: post.id }])
    Object.assign(seed, {
      product: product.id,
      post: post.id,
      comment: comment.id,
      collection: collection.id,
    })
    await app.link.create([
      { product: { product_id: product.id }, blog: { post_id: post.id } },
      {
        product: { product_collection_id: collection.id },
        blog: { comment_id: comment.id },
        data: { note: "n" },
      },
    ])
    // The cascade journal is created on first use; create it now so deletes below change nothing.
    await app.link.delete({ blog: { post_id: "post_none" } })
    fingerprint = await fingerprinter(app.db)
    baseline = await fingerprint()
  })
  afterAll(async () => {
    console.log(`hostile input [${kind}]: ${tried} generated cases, ${rejected} rejected with a ModlinkError`)
    await app?.close()
    project?.cleanup()
  })

  it("query.graph: hostile entity names and field paths", async () => {
    await assertProperty(
      hostileString,
      async (name) => {
        const input = { entity: name, fields: ["*"] }
        await safely(() => app.query.graph(input), input)
      },
      RUNS.cheap,
    )
    const shapes = [
      (s: string) => [s],
      (s: string) => ["title", s],
      (s: string) => [`comments.${s}`],
      (s: string) => [`${s}.*`],
      (s: string) => [`product.${s}`, "id"],
    ]
    await assertProperty(
      fc.tuple(hostileString, fc.nat(shapes.length - 1)),
      async ([s, shape]) => {
        const input = { entity: "post", fields: shapes[shape](s) }
        await safely(() => app.query.graph(input), input)
      },
      RUNS.cheap,
    )
  })

  it("query.graph: hostile filter keys and values, through relations and links", async () => {
    const keyShapes = [
      (k: string, v: unknown) => objectWith(k, v),
      (k: string, v: unknown) => ({ product: objectWith(k, v) }),
      (k: string, v: unknown) => ({ $or: [{ title: "Hello" }, objectWith(k, v)] }),
      (k: string, v: unknown) => ({ title: objectWith(k, v) }),
    ]
    await assertProperty(
      fc.tuple(hostileString, hostileValue, fc.nat(keyShapes.length - 1)),
      async ([key, value, shape]) => {
        const input = { entity: "post", fields: ["id"], filters: keyShapes[shape](key, value) }
        await safely(() => app.query.graph(input), input)
      },
      RUNS.cheap,
    )
    // Values against every field type the schema holds, on the root, a relation and a link.
    const valueShapes = [
      (v: unknown) => ({ title: v }),
      (v: unknown) => ({ title: { $ilike: v } }),
      (v: unknown) => ({ id: [v, seed.post] }),
      (v: unknown) => ({ id: { $nin: [v] } }),
      (v: unknown) => ({ views: { $gte: v } }),
      (v: unknown) => ({ created_at: { $lt: v } }),
      (v: unknown) => ({ comments: { body: v } }),
      (v: unknown) => ({ product: { metadata: v } }),
      (v: unknown) => ({ product: { status: v } }),
      (v: unknown) => ({ product: { is_giftcard: v } }),
    ]
    await assertProperty(
      fc.tuple(hostileValue, fc.nat(valueShapes.length - 1)),
      async ([value, shape]) => {
        const input = { entity: "post", fields: ["id", "title"], filters: valueShapes[shape](value) }
        const outcome = await safely(() => app.query.graph(input), input)
        // Treated as data: an equality on the stored title only ever matches that title.
        if (outcome.ok && shape === 0 && typeof value === "string") {
          const { data } = outcome.value as { data: Array<{ title: string }> }
          expect(data.every((row) => row.title === value)).toBe(true)
        }
      },
      RUNS.cheap,
    )
  })

  it("query.graph: hostile order, nested options and withDeleted", async () => {
    const shapes = [
      (s: string, d: unknown) => ({ pagination: { order: objectWith(s, d), take: 5 } }),
      (s: string) => ({ pagination: { order: { title: s } } }),
      (s: string, d: unknown) => ({ pagination: { order: { product: objectWith(s, d) } } }),
      (s: string) => ({ pagination: { order: { [`product.${s}`]: "DESC" } } }),
      (s: string, d: unknown) => ({ nested: objectWith(s, { take: 1, order: { body: d } }) }),
      (s: string) => ({ nested: { comments: { filters: { body: s }, order: objectWith(s, "ASC") } } }),
      (_: string, d: unknown) => ({ pagination: { skip: d, take: d } }),
      (_: string, d: unknown) => ({ withDeleted: d }),
    ]
    await assertProperty(
      fc.tuple(hostileString, hostileValue, fc.nat(shapes.length - 1)),
      async ([s, d, shape]) => {
        const input = {
          entity: "post",
          fields: ["id", "comments.body", "product.title"],
          ...shapes[shape](s, d),
        }
        await safely(() => app.query.graph(input as never), input)
      },
      RUNS.cheap,
    )
  })

  it("query.graph: operators, combinators, relations and paths nested up to 100 deep", async () => {
    const wraps: Array<(inner: unknown, level: number) => unknown> = [
      (inner) => ({ $and: [inner] }),
      (inner) => ({ $or: [inner, { title: "Hello" }] }),
      (inner, level) => (level % 2 === 0 ? { product: inner } : { post: inner }),
      (inner) => ({ $eq: inner }),
      (inner) => ({ $in: [inner] }),
      (inner) => [inner],
      (inner) => objectWith("__proto__", inner),
    ]
    await assertProperty(
      fc.tuple(fc.integer({ min: 1, max: 100 }), fc.nat(wraps.length - 1), hostileValue, fc.boolean()),
      async ([depth, wrap, leaf, underTitle]) => {
        const nested = nest(depth, underTitle ? { title: leaf } : leaf, wraps[wrap])
        const filters = wrap >= 3 ? { title: nested } : nested
        const input = { entity: "post", fields: ["id"], filters }
        await safely(() => app.query.graph(input as never), input)
      },
      RUNS.cheap,
    )
    await assertProperty(
      fc.tuple(fc.integer({ min: 1, max: 100 }), hostileString),
      async ([depth, tail]) => {
        const path = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? "product" : "post")).join(".")
        const input = { entity: "post", fields: [`${path}.${tail}`] }
        await safely(() => app.query.graph(input), input)
      },
      RUNS.cheap,
    )
  })

  it("module services: hostile filters, select, order, relations and ids", async () => {
    const calls = [
      (s: string, v: unknown) => blog.listPosts(objectWith(s, v)),
      (_: string, v: unknown) => blog.listPosts({ title: v }),
      (s: string) => blog.listPosts({}, { select: [s] }),
      (s: string, v: unknown) => blog.listPosts({}, { order: objectWith(s, v) }),
      (s: string) => blog.listPosts({}, { relations: [s] }),
      (s: string, v: unknown) => blog.listAndCountComments({ post: objectWith(s, v) }, { take: 2 }),
      (s: string) => blog.retrievePost(s),
      (_: string, v: unknown) => blog.retrievePost(v),
      // Ids that match nothing: the delete runs (and its link cascade) but finds nothing to remove.
      (s: string) => blog.softDeletePosts([s]),
      (s: string) => blog.deleteComments(s),
      (s: string) => blog.restorePosts([s]),
      (s: string, v: unknown) => blog.updatePosts({ selector: { id: s }, data: objectWith(s, v) }),
    ]
    await assertProperty(
      fc.tuple(hostileString, hostileValue, fc.nat(calls.length - 1)),
      async ([s, v, call]) => {
        // A hostile id that happens to equal a seeded id would legitimately change the data.
        fc.pre(!Object.values(seed).includes(s))
        await safely(() => calls[call](s, v), { call, s, v })
      },
      RUNS.cheap,
    )
  })

  it("module services: hostile text is stored and read back as data", async () => {
    await assertProperty(
      fc.tuple(hostileString, hostileValue, hostileString),
      async ([title, body, key]) => {
        let created: string | undefined
        const input = { title, body, extra: key }
        await safely(async () => {
          try {
            const post = await blog.createPosts({ title, body })
            created = post.id
            expect(post.title).toBe(title)
            // Left out means null; a hostile body that is no string was refused above.
            expect(post.body).toBe(body ?? null)
            const { data } = await app.query.graph({ entity: "post", fields: ["id"], filters: { title } })
            expect(data.map((row) => row.id)).toEqual([post.id])
            const updated = await blog.updatePosts({ id: post.id, body: title })
            expect(updated.body).toBe(title)
            // An unknown key is refused whole: the title given next to it is not written either.
            await blog.updatePosts(objectWith(key, "x") as never).catch(() => {})
            await blog.updatePosts({ id: post.id, title: "changed", ...objectWith(key, "x") }).catch(() => {})
            const [after] = (
              await app.query.graph({ entity: "post", fields: ["title"], filters: { id: post.id } })
            ).data
            if (!["title", "body", "views", "id"].includes(key)) expect(after.title).toBe(title)
          } finally {
            if (created) await app.db.query(sql`delete from post where id = ${created}`)
          }
        }, input)
      },
      RUNS.write,
    )
  })

  it("link.create: hostile ids are stored as data; hostile modules, keys and data are refused", async () => {
    await assertProperty(
      fc.tuple(hostileString, hostileString, fc.option(hostileString, { nil: undefined })),
      async ([productId, commentId, note]) => {
        fc.pre(!Object.values(seed).includes(productId) && !Object.values(seed).includes(commentId))
        const input = {
          product: { product_collection_id: productId },
          blog: { comment_id: commentId },
          data: { note },
        }
        await safely(async () => {
          try {
            const [row] = await app.link.create(input)
            expect(row.product_collection_id).toBe(productId)
            expect(row.comment_id).toBe(commentId)
            expect(row.data.note).toBe(note ?? null)
            const listed = await app.link.list({ product: { product_collection_id: productId } })
            expect(listed.map((r) => r.comment_id)).toEqual([commentId])
            await app.link.dismiss(input)
          } finally {
            await app.db.query(
              sql`delete from product_product_collection_blog_comment where product_collection_id = ${productId} and comment_id = ${commentId}`,
            )
          }
        }, input)
      },
      RUNS.write,
    )
    const shapes = [
      (s: string, v: unknown) => ({ ...objectWith(s, { product_id: v }), blog: { post_id: "post_x" } }),
      (s: string, v: unknown) => ({ product: objectWith(s, v), blog: { post_id: "post_x" } }),
      (s: string, v: unknown) => ({ product: { product_id: v }, blog: objectWith(s, "post_x") }),
      (s: string, v: unknown) => ({
        product: { product_collection_id: "pcol_x" },
        blog: { comment_id: "com_x" },
        data: objectWith(s, v),
      }),
      (_: string, v: unknown) => v,
    ]
    const methods = ["create", "dismiss", "list"] as const
    await assertProperty(
      fc.tuple(hostileString, hostileValue, fc.nat(shapes.length - 1), fc.constantFrom(...methods)),
      async ([s, v, shape, method]) => {
        const input = shapes[shape](s, v)
        const outcome = await safely(async () => {
          try {
            return await (app.link[method] as (input: unknown) => Promise<unknown>)(input)
          } finally {
            if (method === "create") await removeTestLinks()
          }
        }, input)
        // A create that named a wrong module or key must have been refused, not guessed at.
        if (method === "create" && shape < 3 && outcome.ok) {
          expect(["product", "blog", "product_id", "id", "post_id"]).toContain(s)
        }
      },
      RUNS.cheap,
    )
  })

  it(`tried the generated cases (${kind})`, () => {
    expect(tried).toBeGreaterThanOrEqual(9 * RUNS.cheap + 2 * RUNS.write)
  })

  /** Links the shapes above may legitimately create: between the made-up ids, never the seeds. */
  async function removeTestLinks() {
    await app.db.query(sql`delete from product_product_blog_post where product_id <> ${seed.product}`)
    await app.db.query(
      sql`delete from product_product_collection_blog_comment where product_collection_id <> ${seed.collection}`,
    )
  }
})
