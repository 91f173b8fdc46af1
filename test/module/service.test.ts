import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { App } from "../../src/app/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { describeBackends } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"

const blogWithKinds = {
  ...blogModuleFiles(),
  "src/modules/blog/models/post.ts": `
import { model } from "modlink"
import { Comment } from "./comment"
export const Post = model.define("post", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text(),
  body: model.text().nullable(),
  views: model.number().default(0),
  score: model.float().nullable(),
  price: model.bigNumber().nullable(),
  featured: model.boolean().default(false),
  published_at: model.dateTime().nullable(),
  meta: model.json().nullable(),
  status: model.enum(["draft", "live"]).default("draft"),
  tags: model.array().nullable(),
  comments: model.hasMany(() => Comment, { mappedBy: "post" }),
})
`,
}

describe("module definition", () => {
  it("exposes one linkable entry per model, Medusa's shape", async () => {
    const { default: ProductModule } = await import("../../src/modules/product/index.ts")
    expect(ProductModule.linkable.product).toEqual({
      serviceName: "product",
      field: "product",
      linkable: "product_id",
      primaryKey: "id",
      entity: "Product",
    })
    expect(ProductModule.linkable.productVariant.linkable).toBe("product_variant_id")
    expect(ProductModule.linkable.product.id).toEqual(ProductModule.linkable.product)
  })
})

describeBackends("module service", ({ url }) => {
  let project: Project
  let app: App
  let blog: Record<string, (...args: any[]) => Promise<any>>
  let products: Record<string, (...args: any[]) => Promise<any>>

  beforeAll(async () => {
    project = createProject({ ...configFile(), ...blogWithKinds })
    app = await startApp(project.dir, url())
    blog = app.resolve("blog")
    products = app.resolve("product")
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
  })

  it("creates one record and returns it with generated id, defaults and timestamps", async () => {
    const post = await blog.createPosts({ title: "Hello", tags: ["a", "b"], meta: { n: 1 } })
    expect(post.id).toMatch(/^post_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(post).toMatchObject({
      title: "Hello",
      views: 0,
      featured: false,
      status: "draft",
      tags: ["a", "b"],
      meta: { n: 1 },
    })
    expect(post.created_at).toBeInstanceOf(Date)
    expect(post.deleted_at).toBeNull()
  })

  it("returns created records as stored: normalised json, numeric and real, dates, timestamps", async () => {
    const created = await blog.createPosts([
      {
        title: "Stored",
        meta: { b: 1, a: { y: 2, x: 1 } },
        price: "10.50",
        score: 0.1,
        published_at: "2024-05-01T10:00:00.123Z",
        tags: [1, "two"],
      },
      { title: "Plain" },
    ])
    const read = await blog.listPosts({ id: created.map((p: any) => p.id) }, { order: { title: "DESC" } })
    expect(created).toEqual(read)
    expect(created[0].published_at).toEqual(new Date("2024-05-01T10:00:00.123Z"))
  })

  it("returns each row's own timestamps when the database gives rows different ones", async () => {
    const db = app.databaseOf("blog")
    await db.exec(`create function stamp_by_title() returns trigger language plpgsql as $$
      begin new.created_at := timestamptz '2020-01-01' + length(new.title) * interval '1 day'; return new; end $$;
      create trigger stamp_by_title before insert on post for each row execute function stamp_by_title();`)
    try {
      const created = await blog.createPosts([{ title: "a" }, { title: "bbb" }, { title: "cc" }])
      expect(created.map((p: any) => p.created_at.toISOString().slice(0, 10))).toEqual([
        "2020-01-02",
        "2020-01-04",
        "2020-01-03",
      ])
    } finally {
      await db.exec("drop trigger stamp_by_title on post; drop function stamp_by_title()")
    }
  })

  it("creates a batch in input order and rejects the whole batch on one bad record", async () => {
    const created = await blog.createPosts([{ title: "b1" }, { title: "b2", views: 5 }])
    expect(created.map((p: any) => [p.title, p.views])).toEqual([
      ["b1", 0],
      ["b2", 5],
    ])
    const before = await blog.listPosts({}, { select: ["id"] })
    await expect(blog.createPosts([{ title: "ok" }, { title: "bad", views: "many" }])).rejects.toThrow(
      /Field "views" of post expects an integer/,
    )
    await expect(blog.createPosts([{ title: "ok" }, { titel: "typo" }])).rejects.toThrow(
      /Unknown field "titel".*did you mean "title"/s,
    )
    await expect(blog.createPosts([{ title: "ok" }, { title: "x", status: "gone" }])).rejects.toThrow(
      /one of "draft", "live"/,
    )
    await expect(blog.createPosts([{ body: "no title" }])).rejects.toThrow("`title` is required (post)")
    expect(await blog.listPosts({}, { select: ["id"] })).toHaveLength(before.length)
  })

  it("takes numeric text as PostgreSQL reads it, and refuses a JSON value jsonb cannot store before any SQL", async () => {
    const [post] = await blog.createPosts([{ title: "n", price: "1e5" }])
    expect(Number((await blog.retrievePost(post.id)).price)).toBe(100000)
    await expect(blog.createPosts([{ title: "j", meta: { note: "a\u0000b" } }])).rejects.toThrow(
      /Field "meta" of post expects a JSON value/,
    )
  })

  it("creates 10,000 rows with a single insert", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ title: `p${i}`, handle: `bulk-${i}` }))
    const created = await products.createProducts(rows)
    expect(created).toHaveLength(10_000)
    expect(created[9_999].handle).toBe("bulk-9999")
    const [, count] = await products.listAndCountProducts({ handle: { $like: "bulk-%" } }, { take: 1 })
    expect(count).toBe(10_000)
  })

  it("filters with every operator, arrays as $in, null, $and and $or", async () => {
    await blog.createPosts([
      { title: "alpha", views: 1, score: 1.5, featured: true, body: "x" },
      { title: "Beta", views: 2, score: 2.5 },
      { title: "gamma", views: 3, score: null },
    ])
    const titles = async (filters: Record<string, unknown>) =>
      (
        await blog.listPosts(
          { $and: [{ title: ["alpha", "Beta", "gamma"] }, filters] },
          { order: { views: "ASC" } },
        )
      ).map((p: any) => p.title)
    expect(await titles({ views: 2 })).toEqual(["Beta"])
    expect(await titles({ views: { $eq: 2 } })).toEqual(["Beta"])
    expect(await titles({ views: { $ne: 2 } })).toEqual(["alpha", "gamma"])
    expect(await titles({ views: { $in: [1, 3] } })).toEqual(["alpha", "gamma"])
    expect(await titles({ views: { $nin: [1, 3] } })).toEqual(["Beta"])
    expect(await titles({ views: { $gt: 1 } })).toEqual(["Beta", "gamma"])
    expect(await titles({ views: { $gte: 2 } })).toEqual(["Beta", "gamma"])
    expect(await titles({ views: { $lt: 2 } })).toEqual(["alpha"])
    expect(await titles({ views: { $lte: 2 } })).toEqual(["alpha", "Beta"])
    expect(await titles({ title: { $like: "%a" } })).toEqual(["alpha", "Beta", "gamma"])
    expect(await titles({ title: { $like: "b%" } })).toEqual([])
    expect(await titles({ title: { $ilike: "b%" } })).toEqual(["Beta"])
    expect(await titles({ score: null })).toEqual(["gamma"])
    expect(await titles({ $or: [{ views: 1 }, { views: 3 }] })).toEqual(["alpha", "gamma"])
    expect(await titles({ $and: [{ views: { $gt: 1 } }, { featured: false }] })).toEqual(["Beta", "gamma"])
  })

  it("selects fields, includes nested relations, orders and paginates", async () => {
    const post = await blog.createPosts({ title: "with comments" })
    await blog.createComments([
      { body: "c1", post_id: post.id },
      { body: "c2", post_id: post.id },
    ])
    const found = await blog.retrievePost(post.id, { select: ["title"], relations: ["comments"] })
    expect(found.id).toBe(post.id)
    expect(found.title).toBe("with comments")
    expect(found.views).toBeUndefined()
    expect(found.comments.map((c: any) => c.body).sort()).toEqual(["c1", "c2"])
    const comments = await blog.listComments(
      { post_id: post.id },
      { relations: ["post"], order: { body: "DESC" } },
    )
    expect(comments.map((c: any) => [c.body, c.post.title])).toEqual([
      ["c2", "with comments"],
      ["c1", "with comments"],
    ])
    const [page, count] = await blog.listAndCountComments(
      { post_id: post.id },
      { order: { body: "ASC" }, skip: 1, take: 1 },
    )
    expect(page.map((c: any) => c.body)).toEqual(["c2"])
    expect(count).toBe(2)
  })

  it("updates by id and by selector, and rolls back a batch with an unknown id", async () => {
    const [a, b] = await blog.createPosts([{ title: "u1" }, { title: "u2" }])
    const updated = await blog.updatePosts({ id: a.id, views: 10 })
    expect(updated.views).toBe(10)
    expect(updated.updated_at.getTime()).toBeGreaterThanOrEqual(a.updated_at.getTime())
    const bySelector = await blog.updatePosts({ selector: { title: ["u1", "u2"] }, data: { featured: true } })
    expect(bySelector.map((p: any) => p.featured)).toEqual([true, true])
    await expect(
      blog.updatePosts([
        { id: b.id, views: 7 },
        { id: "post_missing", views: 1 },
      ]),
    ).rejects.toThrow(/not found: post_missing/)
    expect((await blog.retrievePost(b.id)).views).toBe(0)
  })

  it("soft-deletes, hides, shows withDeleted, restores and hard-deletes", async () => {
    const post = await blog.createPosts({ title: "to delete" })
    expect(await blog.softDeletePosts([post.id])).toEqual({ post_id: [post.id] })
    expect(await blog.listPosts({ id: post.id })).toEqual([])
    const [withDeleted] = await blog.listPosts({ id: post.id }, { withDeleted: true })
    expect(withDeleted.deleted_at).toBeInstanceOf(Date)
    await expect(blog.retrievePost(post.id)).rejects.toThrow(/Post with id ".*" was not found/)
    expect(await blog.restorePosts(post.id)).toEqual({ post_id: [post.id] })
    expect((await blog.retrievePost(post.id)).deleted_at).toBeNull()
    await blog.deletePosts({ title: "to delete" })
    expect(await blog.listPosts({ id: post.id }, { withDeleted: true })).toEqual([])
  })

  it("names the field and suggests a valid one on unknown filter fields and operators", async () => {
    await expect(blog.listPosts({ titel: "x" })).rejects.toSatisfy(
      (e: unknown) => isModlinkError(e) && /titel/.test(e.message) && /title/.test(e.hint ?? ""),
    )
    await expect(blog.listPosts({ title: { $regex: "x" } })).rejects.toSatisfy(
      (e: unknown) => isModlinkError(e) && /\$regex/.test(e.message),
    )
  })

  it("treats a hostile string as a value", async () => {
    const evil = "x'); drop table post; --"
    await blog.createPosts({ title: evil })
    expect((await blog.listPosts({ title: evil })).map((p: any) => p.title)).toEqual([evil])
    expect((await blog.listPosts({ title: "alpha" })).length).toBeGreaterThan(0)
  })
})
