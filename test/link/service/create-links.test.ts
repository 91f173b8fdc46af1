import { afterAll, beforeAll, beforeEach, expect, it } from "vitest"
import type { App } from "../../../src/app/index.ts"
import { sql } from "../../../src/db/index.ts"
import type { ModlinkError } from "../../../src/errors/index.ts"
import { createLinkService } from "../../../src/link/service/index.ts"
import { describeBackends } from "../../support/backends.ts"
import { createProject, type Project } from "../../support/project.ts"
import { startApp, UNCHECKED_LINKS } from "../../support/start-app.ts"
import { countStatements, linkServiceProject } from "./link-project.ts"

const pp = (product: string, post: string, data?: Record<string, unknown>) => ({
  product: { product_id: product },
  blog: { post_id: post },
  ...(data ? { data } : {}),
})

async function rejection(promise: Promise<unknown>): Promise<ModlinkError> {
  try {
    await promise
  } catch (error) {
    return error as ModlinkError
  }
  throw new Error("expected the call to fail")
}

describeBackends("link.create", ({ url }) => {
  let project: Project
  let app: App
  const rows = async (table: string) =>
    (await app.db.query(sql`select * from ${sql.id(table)} order by created_at, id`)).rows

  beforeAll(async () => {
    project = createProject(linkServiceProject())
    app = await startApp(project.dir, url(), UNCHECKED_LINKS)
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
  })
  beforeEach(async () => {
    for (const link of app.links) if (link.table) await app.db.query(sql`delete from ${sql.id(link.table)}`)
  })

  it("creates a pair with extra columns and returns the stored row", async () => {
    const [row] = await app.link.create(pp("prod_1", "post_1", { note: "hello", meta: { a: 1 } }))
    expect(row).toMatchObject({
      link: "product_post",
      product_id: "prod_1",
      post_id: "post_1",
      data: { rank: 0, note: "hello", meta: { a: 1 } },
      deleted_at: null,
    })
    expect(row.id).toMatch(/^link_[0-9A-Z]{26}$/)
    expect(await rows("product_product_blog_post")).toHaveLength(1)
    expect(app.resolve("link")).toBe(app.link)
  })

  it("upserts: re-creating updates only the data given and revives a dismissed pair with the same id", async () => {
    const [first] = await app.link.create(pp("prod_1", "post_1", { note: "a", rank: 3 }))
    await app.link.create(pp("prod_1", "post_1", { note: "b" }))
    let [stored] = await rows("product_product_blog_post")
    expect(stored).toMatchObject({ id: first.id, note: "b", rank: 3 })

    const [dismissed] = await app.link.dismiss(pp("prod_1", "post_1"))
    expect(dismissed.id).toBe(first.id)
    const [revived] = await app.link.create(pp("prod_1", "post_1"))
    expect(revived).toMatchObject({ id: first.id, deleted_at: null, data: { note: "b", rank: 3 } })
    expect(revived.updated_at.getTime()).toBeGreaterThan(dismissed.updated_at.getTime())
    ;[stored] = await rows("product_product_blog_post")
    expect(stored.created_at).toEqual(first.created_at)
    expect(await rows("product_product_blog_post")).toHaveLength(1)
  })

  it("accepts the keys in either order when one link matches", async () => {
    const [row] = await app.link.create({ blog: { post_id: "post_9" }, product: { product_id: "prod_9" } })
    expect(row).toMatchObject({ link: "product_post", product_id: "prod_9", post_id: "post_9" })
  })

  it("lets the key order pick between a link defined in both directions, and says so in errors", async () => {
    const [forward] = await app.link.create({
      product: { product_tag_id: "ptag_1" },
      blog: { post_id: "post_1" },
    })
    const [reverse] = await app.link.create({
      blog: { post_id: "post_1" },
      product: { product_tag_id: "ptag_1" },
    })
    expect(forward.link).toBe("product_tag_post")
    expect(reverse.link).toBe("post_product_tag")
    const error = await rejection(
      app.link.create({ blog: { post_id: "post_1" }, product: { product_tag_id: "ptag_1" }, data: { x: 1 } }),
    )
    expect(error.code).toBe("INVALID_INPUT")
    expect(error.hint).toContain("{ product: { product_tag_id }, blog: { post_id } } picks product_tag_post")
    expect(error.hint).toContain("{ blog: { post_id }, product: { product_tag_id } } picks post_product_tag")
  })

  it("creates the same pair given twice in one call once, later data winning", async () => {
    const created = await app.link.create([
      pp("prod_1", "post_1", { note: "a" }),
      pp("prod_1", "post_1", { rank: 2 }),
    ])
    expect(created).toHaveLength(1)
    expect(await rows("product_product_blog_post")).toMatchObject([{ note: "a", rank: 2 }])
  })

  it("writes 10,000 pairs across two links with a constant number of statements", async () => {
    const counted = countStatements(app.db)
    const service = createLinkService({
      links: app.links,
      databases: new Map([["main", counted.db]]),
      placement: app.placement,
    })
    const batch = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) =>
        i % 2 === 0
          ? pp(`prod_${offset + i}`, `post_${offset + i}`, { rank: i })
          : {
              product: { product_id: `prod_${offset}` },
              blog: { comment_id: `com_${offset + i}` },
              data: { position: i },
            },
      )
    await service.create(batch(10, 0))
    const small = counted.count()
    const created = await service.create(batch(10_000, 100_000))
    expect(created).toHaveLength(10_000)
    expect(counted.count() - small).toBe(small)
    expect(small).toBeLessThanOrEqual(4)
    expect(await rows("product_product_blog_post")).toHaveLength(5005)
    expect(await rows("product_product_blog_comment")).toHaveLength(5005)
  })

  it("writes a call of one link table and one column set as a single statement, with no transaction around it", async () => {
    const counted = countStatements(app.db)
    const service = createLinkService({
      links: app.links,
      databases: new Map([["main", counted.db]]),
      placement: app.placement,
    })
    await service.create([pp("prod_1", "post_1"), pp("prod_2", "post_2")])
    expect([counted.count(), counted.transactions()]).toEqual([1, 0])
    // A clash with a stored row fails that statement on the unique index; the error still names the row.
    const error = await rejection(service.create(pp("prod_1", "post_3")))
    expect(error.code).toBe("CARDINALITY")
    expect(error.message).toContain('product "prod_1" is already linked to post "post_1"')
    expect((await rows("product_product_blog_post")).map((r) => r.post_id)).toEqual(["post_1", "post_2"])
  })

  it("dismisses pairs of one link table in one statement and of two in one transaction", async () => {
    const comment = {
      product: { product_id: "prod_1" },
      blog: { comment_id: "com_1" },
      data: { position: 1 },
    }
    await app.link.create([pp("prod_1", "post_1"), pp("prod_2", "post_2"), comment])
    const counted = countStatements(app.db)
    const service = createLinkService({
      links: app.links,
      databases: new Map([["main", counted.db]]),
      placement: app.placement,
    })
    expect(await service.dismiss([pp("prod_1", "post_1"), pp("prod_2", "post_2")])).toHaveLength(2)
    expect([counted.count(), counted.transactions()]).toEqual([1, 0])
    await app.link.create(pp("prod_1", "post_1"))
    expect(await service.dismiss([pp("prod_1", "post_1"), comment])).toHaveLength(2)
    expect([counted.count(), counted.transactions()]).toEqual([3, 1])
  })

  it("reads before writing inside a caller's transaction, so a refused pair leaves that transaction usable", async () => {
    await app.link.create(pp("prod_1", "post_1"))
    const outcome = await app.db.transaction(async (tx) => {
      const service = createLinkService({
        links: app.links,
        databases: new Map([["main", tx]]),
        placement: app.placement,
      })
      const error = await rejection(service.create(pp("prod_1", "post_2")))
      await service.create(pp("prod_3", "post_3"))
      return error
    })
    expect(outcome.code).toBe("CARDINALITY")
    expect((await rows("product_product_blog_post")).map((r) => r.post_id)).toEqual(["post_1", "post_3"])
  })

  it("rejects the whole batch on one bad input, the tables unchanged", async () => {
    const bad: unknown[] = [
      { ...pp("prod_1", "post_1"), extra: { x_id: "1" } },
      { product: { product_id: "prod_1" }, blg: { post_id: "post_1" } },
      { product: { product_id: "prod_1" }, blog: { post_idd: "post_1" } },
      pp("prod_1", 42 as never),
      pp("prod_1", "post_1", { nope: 1 }),
      pp("prod_1", "post_1", { rank: "high" }),
      pp("prod_1", "post_1", { rank: null }),
      { product: { product_id: "prod_1" }, blog: { comment_id: "com_1" } },
    ]
    const messages: string[] = []
    for (const input of bad) {
      const error = await rejection(
        app.link.create([pp("prod_0", "post_0"), pp("prod_2", "post_2"), input as never]),
      )
      expect(error.code).toBe("INVALID_INPUT")
      expect(error.message).toContain("input #2")
      messages.push(error.message)
    }
    expect(messages[0]).toContain("names 3 modules")
    expect(messages[1]).toContain('no link uses module "blg"')
    expect(messages[1]).toContain('did you mean "blog"')
    expect(messages[2]).toContain("no link joins product.product_id and blog.post_idd")
    const keyError = await rejection(
      app.link.create({ product: { product_id: "p" }, blog: { post_idd: "x" } }),
    )
    expect(keyError.hint).toContain('did you mean "post_id"')
    expect(keyError.hint).toContain("product_post { product: { product_id }, blog: { post_id } }")
    expect(messages[3]).toContain("must be a non-empty string id, got 42")
    expect(messages[4]).toContain('no extra column "nope"')
    expect(messages[5]).toContain("data.rank of link product_post must be a integer value")
    expect(messages[6]).toContain("cannot be null")
    expect(messages[7]).toContain("needs data.position")
    await app.link.dismiss(pp("prod_1", "post_1"))
    expect((await rows("product_product_blog_post")).filter((r) => r.deleted_at === null)).toHaveLength(0)
    expect(await rows("product_product_blog_comment")).toHaveLength(0)
  })

  it("refuses a second post for a product on a 1:1 link, naming both records, the row and the isList", async () => {
    const [existing] = await app.link.create(pp("prod_1", "post_1"))
    const error = await rejection(app.link.create([pp("prod_5", "post_5"), pp("prod_1", "post_2")]))
    expect(error.code).toBe("CARDINALITY")
    expect(error.message).toContain('Cannot link product "prod_1" to post "post_2"')
    expect(error.message).toContain('product "prod_1" is already linked to post "post_1"')
    expect(error.message).toContain(`link row ${existing.id}`)
    expect(error.hint).toContain("set isList: true on the blog.post side")
    expect(await rows("product_product_blog_post")).toHaveLength(1)

    const other = await rejection(app.link.create(pp("prod_2", "post_1")))
    expect(other.message).toContain('post "post_1" is already linked to product "prod_1"')
    expect(other.hint).toContain("set isList: true on the product.product side")
  })

  it("refuses conflicting pairs within one batch before writing", async () => {
    const error = await rejection(app.link.create([pp("prod_1", "post_1"), pp("prod_1", "post_2")]))
    expect(error.code).toBe("CARDINALITY")
    expect(error.message).toContain("(the same call)")
    const comments = await rejection(
      app.link.create([
        { product: { product_id: "prod_1" }, blog: { comment_id: "com_1" }, data: { position: 1 } },
        { product: { product_id: "prod_2" }, blog: { comment_id: "com_1" }, data: { position: 1 } },
      ]),
    )
    expect(comments.message).toContain('comment "com_1" is already linked to product "prod_1"')
    expect(await rows("product_product_blog_post")).toHaveLength(0)
  })

  it("allows a new pair once the blocking one is dismissed, and many comments per product", async () => {
    await app.link.create(pp("prod_1", "post_1"))
    await app.link.dismiss(pp("prod_1", "post_1"))
    await app.link.create(pp("prod_1", "post_2"))
    const comments = await app.link.create(
      ["com_1", "com_2", "com_3"].map((id, i) => ({
        product: { product_id: "prod_1" },
        blog: { comment_id: id },
        data: { position: i },
      })),
    )
    expect(comments).toHaveLength(3)
    const revive = await rejection(app.link.create(pp("prod_1", "post_1")))
    expect(revive.code).toBe("CARDINALITY")
  })

  it("dismisses pairs, skipping missing ones, and returns what it dismissed", async () => {
    await app.link.create([pp("prod_1", "post_1"), pp("prod_2", "post_2")])
    const dismissed = await app.link.dismiss([
      pp("prod_1", "post_1"),
      pp("prod_3", "post_3"),
      pp("prod_1", "post_1"),
    ])
    expect(dismissed.map((r) => [r.product_id, r.post_id])).toEqual([["prod_1", "post_1"]])
    expect(await app.link.dismiss(pp("prod_1", "post_1"))).toEqual([])
    expect(await app.link.dismiss(pp("prod_9", "post_9"))).toEqual([])
  })

  it("lists rows by either or both sides, with data, deleted rows on request, and as link definitions", async () => {
    await app.link.create([pp("prod_1", "post_1", { note: "n" }), pp("prod_2", "post_2")])
    await app.link.dismiss(pp("prod_2", "post_2"))
    expect(await app.link.list({ product: { product_id: "prod_1" } })).toMatchObject([
      { link: "product_post", product_id: "prod_1", post_id: "post_1", data: { note: "n", rank: 0 } },
    ])
    expect(await app.link.list({ product: { product_id: ["prod_1", "prod_2"] }, blog: {} })).toHaveLength(1)
    expect(
      await app.link.list({ blog: { post_id: ["post_1", "post_2"] }, product: {} }, { withDeleted: true }),
    ).toHaveLength(2)
    expect(await app.link.list(pp("prod_1", "post_2"))).toEqual([])
    expect(await app.link.list(pp("prod_1", "post_1"), { asLinkDefinition: true })).toEqual([
      {
        product: { product_id: "prod_1" },
        blog: { post_id: "post_1" },
        data: { rank: 0, note: "n", meta: null },
      },
    ])
    await app.link.create({
      product: { product_id: "prod_1" },
      blog: { comment_id: "com_1" },
      data: { position: 1 },
    })
    const everyLink = await app.link.list({ product: { product_id: "prod_1" } })
    expect(everyLink.map((r) => r.link).sort()).toEqual(["product_comment", "product_post"])
  })

  it("sends attached and detached events after commit, not for failed calls", async () => {
    const seen: unknown[] = []
    const off = [
      app.onLink("attached", (e) => void seen.push(["attached", e])),
      app.onLink("detached", (e) => void seen.push(["detached", e])),
    ]
    const [row] = await app.link.create(pp("prod_1", "post_1"))
    await app.link.create(pp("prod_1", "post_1", { note: "again" }))
    await rejection(app.link.create(pp("prod_1", "post_2")))
    await app.link.dismiss(pp("prod_1", "post_1"))
    await app.link.create(pp("prod_1", "post_1"))
    for (const unsubscribe of off) unsubscribe()
    const event = {
      link: "product_post",
      table: "product_product_blog_post",
      rows: [{ id: row.id, product_id: "prod_1", post_id: "post_1" }],
    }
    expect(seen).toEqual([
      ["attached", event],
      ["detached", event],
      ["attached", event],
    ])
  })
})
