import { beforeAll, expect, it } from "vitest"
import { createQueryEngine, type QueryEngine } from "../../src/query/index.ts"
import { describeBackends } from "../support/backends.ts"
import { engineOn } from "./fixtures/engine.ts"
import { fixtureGraph } from "./fixtures/schema.ts"
import { byId, ids } from "./fixtures/sort.ts"
import { loadFixture } from "./fixtures/tables.ts"

type Row = Record<string, any>

describeBackends("query.graph", ({ db }) => {
  let query: QueryEngine
  const rows = async (input: Parameters<QueryEngine["graph"]>[0]) =>
    byId((await query.graph<Row>(input)).data)

  beforeAll(async () => {
    await loadFixture(db(), { product: true, blog: true, links: true })
    query = engineOn(db())
  })

  it('returns every scalar field for "*" with JavaScript types', async () => {
    const [p1] = await rows({ entity: "product", fields: ["*"], filters: { id: "p1" } })
    expect(p1).toMatchObject({
      id: "p1",
      title: "Red Shirt",
      handle: "red-shirt",
      price: 10.5,
      rank: 3,
      weight: 1.25,
      published: true,
      status: "published",
      metadata: { color: "red", size: 2 },
      tags: ["summer", "sale"],
      deleted_at: null,
    })
    expect(p1.released_at).toEqual(new Date("2024-01-01T10:00:00Z"))
    expect(p1.created_at).toBeInstanceOf(Date)
  })

  it("returns only the requested fields plus the primary key, and hides deleted rows", async () => {
    const data = await rows({ entity: "product", fields: ["title", "title"] })
    expect(data).toEqual([
      { id: "p1", title: "Red Shirt" },
      { id: "p2", title: "Blue Jeans" },
      { id: "p3", title: "Green Hat" },
      { id: "p4", title: "Sale Sock" },
    ])
  })

  it("gives a single link side as an object or null (deleted target, dismissed link)", async () => {
    const data = await rows({ entity: "product", fields: ["post.title"] })
    expect(data.map((p) => p.post)).toEqual([
      { id: "b1", title: "Summer sale is here" },
      { id: "b2", title: "Denim guide" },
      null,
      null,
    ])
    const alone = await rows({ entity: "product", fields: ["post"], filters: { id: "p1" } })
    expect(alone[0].post).toMatchObject({ id: "b1", title: "Summer sale is here", views: 100 })
    expect(alone[0].post.created_at).toBeInstanceOf(Date)
  })

  it("gives lists as arrays, [] when nothing is related, without deleted children", async () => {
    const data = await rows({ entity: "product", fields: ["variants.title"] })
    expect(data.map((p) => byId(p.variants).map((v: Row) => v.title))).toEqual([["S", "M"], ["32"], [], []])
  })

  it("follows paths of any depth through relations, pivots and links", async () => {
    const [p1] = await rows({
      entity: "product",
      fields: ["variants.options.value", "post.comments.body"],
      filters: { id: "p1" },
    })
    const variants = byId(p1.variants)
    expect(variants.map((v) => byId(v.options).map((o: Row) => o.value))).toEqual([
      ["cotton"],
      ["cotton", "wool"],
    ])
    expect(byId(p1.post.comments).map((c) => c.body)).toEqual(["Great", "Nice", "Meh"])
  })

  it("traverses every link in both directions with each cardinality", async () => {
    // 1:1
    expect(
      (await rows({ entity: "post", fields: ["product.title"] })).map((b) => b.product?.id ?? null),
    ).toEqual(["p1", "p2", null])
    // 1:N and its N:1 reverse
    expect(
      (await rows({ entity: "product", fields: ["notes.text"] })).map((p) => ids(byId(p.notes))),
    ).toEqual([["n1", "n2"], ["n3"], [], []])
    expect((await rows({ entity: "note", fields: ["product.title"] })).map((n) => n.product.id)).toEqual([
      "p1",
      "p1",
      "p2",
    ])
    // N:1 from the variant side, 1:N back
    expect(
      (await rows({ entity: "product_variant", fields: ["post.title"] })).map((v) => v.post?.id ?? null),
    ).toEqual(["b1", "b1", "b2"])
    expect(
      (await rows({ entity: "post", fields: ["variants.title"] })).map((b) => ids(byId(b.variants))),
    ).toEqual([["v1", "v2"], ["v3"], []])
    // N:N both ways; the dismissed p4-k3 pair is gone
    expect(
      (await rows({ entity: "product", fields: ["categories.name"] })).map((p) => ids(byId(p.categories))),
    ).toEqual([["k1", "k3"], ["k1"], ["k2"], []])
    expect(
      (await rows({ entity: "category", fields: ["products.title"] })).map((k) => ids(byId(k.products))),
    ).toEqual([["p1", "p2"], ["p3"], ["p1"]])
  })

  it("follows a read-only link through the column that holds the other side's id", async () => {
    const data = await rows({ entity: "post", fields: ["title", "featured_product.title"] })
    expect(data.map((b) => b.featured_product)).toEqual([
      { id: "p1", title: "Red Shirt" },
      { id: "p2", title: "Blue Jeans" },
      null,
    ])
  })

  it("queries a link entry point with its extra columns and both sides", async () => {
    const data = await rows({
      entity: "product_post",
      fields: ["featured", "note", "product.title", "post.title"],
    })
    expect(data).toEqual([
      {
        id: "l1",
        featured: true,
        note: "launch",
        product: { id: "p1", title: "Red Shirt" },
        post: { id: "b1", title: "Summer sale is here" },
      },
      {
        id: "l2",
        featured: false,
        note: null,
        product: { id: "p2", title: "Blue Jeans" },
        post: { id: "b2", title: "Denim guide" },
      },
      { id: "l3", featured: false, note: null, product: { id: "p3", title: "Green Hat" }, post: null },
    ])
    const filtered = await rows({
      entity: "product_post",
      fields: ["post_id"],
      filters: { product_id: "p2" },
    })
    expect(filtered).toEqual([{ id: "l2", post_id: "b2" }])
  })

  it("reads a hasOne relation as an object or null", async () => {
    const data = await rows({ entity: "product", fields: ["detail.note"] })
    expect(data.map((p) => p.detail)).toEqual([{ id: "d1", note: "wash cold" }, null, null, null])
  })

  it("paginates, orders and filters nested lists per parent", async () => {
    const [p1] = await rows({
      entity: "product",
      fields: ["categories.name", "post.comments.body"],
      filters: { id: "p1" },
      nested: {
        categories: { take: 1, order: { name: "DESC" } },
        "post.comments": { skip: 1, take: 1, order: { body: "ASC" } },
      },
    })
    expect(p1.categories).toEqual([{ id: "k3", name: "clearance" }])
    expect(p1.post.comments).toEqual([{ id: "c3", body: "Meh" }])
    const narrowed = await rows({
      entity: "product",
      fields: ["variants.title"],
      nested: { variants: { filters: { title: "M" } } },
    })
    expect(narrowed.map((p) => ids(p.variants))).toEqual([["v2"], [], [], []])
    const ordered = await rows({
      entity: "product",
      fields: ["variants.title"],
      nested: { variants: { order: { title: "DESC" } } },
    })
    expect(ids(ordered[0].variants)).toEqual(["v1", "v2"])
  })

  it("narrows a single relation with a nested filter without dropping the parent", async () => {
    const data = await rows({
      entity: "product",
      fields: ["post.title"],
      nested: { post: { filters: { views: { $gt: 50 } } } },
    })
    expect(data.map((p) => p.post?.id ?? null)).toEqual(["b1", null, null, null])
  })

  it("shows soft-deleted records and dismissed links with withDeleted", async () => {
    const data = await rows({
      entity: "product",
      fields: ["post.title", "variants.title", "categories.name"],
      withDeleted: true,
    })
    expect(ids(data)).toEqual(["p1", "p2", "p3", "p4", "p5"])
    expect(data.map((p) => p.post?.id ?? null)).toEqual(["b1", "b2", "b4", "b3", null])
    expect(ids(byId(data[0].variants))).toEqual(["v1", "v2", "v4"])
    expect(ids(byId(data[3].categories))).toEqual(["k3"])
    const filtered = await rows({
      entity: "product",
      fields: ["id"],
      filters: { post: { title: "Old news" } },
      withDeleted: true,
    })
    expect(ids(filtered)).toEqual(["p3"])
    expect(
      await rows({ entity: "product", fields: ["id"], filters: { post: { title: "Old news" } } }),
    ).toEqual([])
  })

  it("orders by root fields and by fields of single-valued relations", async () => {
    const byRank = await query.graph<Row>({
      entity: "product",
      fields: ["rank"],
      pagination: { order: { rank: "DESC" } },
    })
    expect(ids(byRank.data)).toEqual(["p4", "p1", "p3", "p2"])
    expect(byRank.metadata).toBeUndefined()
    // Nulls sort last ascending, as PostgreSQL does.
    const byPost = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      pagination: { order: { post: { title: "ASC" } } },
    })
    expect(ids(byPost.data)).toEqual(["p2", "p1", "p3", "p4"])
    const dotted = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      pagination: { order: { "post.title": "DESC" } },
    })
    expect(ids(dotted.data)).toEqual(["p3", "p4", "p1", "p2"])
    const byDetail = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      pagination: { order: { detail: { note: "ASC" }, rank: "ASC" } },
    })
    expect(ids(byDetail.data)).toEqual(["p1", "p2", "p3", "p4"])
    const variants = await query.graph<Row>({
      entity: "product_variant",
      fields: ["id"],
      pagination: { order: { product: { rank: "ASC" }, title: "DESC" } },
    })
    expect(ids(variants.data)).toEqual(["v3", "v1", "v2"])
  })

  it("returns the page and the total count when paginated", async () => {
    const page = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      pagination: { skip: 1, take: 2, order: { rank: "ASC" } },
    })
    expect(ids(page.data)).toEqual(["p3", "p1"])
    expect(page.metadata).toEqual({ count: 4, skip: 1, take: 2 })
    const past = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      pagination: { skip: 10, take: 2 },
    })
    expect(past).toEqual({ data: [], metadata: { count: 4, skip: 10, take: 2 } })
    const none = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      filters: { title: "nope" },
      pagination: { take: 2 },
    })
    expect(none.metadata).toEqual({ count: 0, skip: 0, take: 2 })
    const empty = await query.graph<Row>({ entity: "product", fields: ["id"], pagination: { take: 0 } })
    expect(empty).toEqual({ data: [], metadata: { count: 4, skip: 0, take: 0 } })
    const skipOnly = await query.graph<Row>({ entity: "product", fields: ["id"], pagination: { skip: 3 } })
    expect(skipOnly).toEqual({ data: [{ id: "p4" }], metadata: { count: 4, skip: 3, take: undefined } })
    const filtered = await query.graph<Row>({
      entity: "product",
      fields: ["id"],
      filters: { post: { views: { $gte: 10 } } },
      pagination: { take: 1 },
    })
    expect(filtered).toEqual({ data: [{ id: "p1" }], metadata: { count: 2, skip: 0, take: 1 } })
  })

  it("filters roots by fields of related and linked records", async () => {
    const by = async (filters: Row, entity = "product") =>
      ids(await rows({ entity, fields: ["id"], filters }))
    expect(await by({ post: { title: { $ilike: "%SALE%" } } })).toEqual(["p1"])
    expect(await by({ categories: { name: "apparel" } })).toEqual(["p1", "p2"])
    expect(await by({ variants: { options: { value: "wool" } } })).toEqual(["p1"])
    expect(await by({ notes: { text: { $in: ["third", "second"] } } })).toEqual(["p1", "p2"])
    expect(await by({ detail: { note: { $like: "wash%" } } })).toEqual(["p1"])
    expect(await by({ $or: [{ rank: 5 }, { post: { comments: { body: "Useful" } } }] })).toEqual(["p2", "p4"])
    expect(await by({ product: { rank: { $lt: 3 } } }, "post")).toEqual(["b2"])
    expect(await by({ featured_product: { published: true } }, "post")).toEqual(["b1"])
    expect(await by({ products: { post: { views: { $gt: 50 } } } }, "category")).toEqual(["k1", "k3"])
    expect(await by({ post: { featured_product: { status: "draft" } } }, "product_variant")).toEqual(["v3"])
  })

  it("treats SQL in any string position as a plain value", async () => {
    const evil = "'; drop table product; --"
    expect(await rows({ entity: "product", fields: ["id"], filters: { title: evil } })).toEqual([])
    expect(
      await rows({
        entity: "product",
        fields: ["id"],
        filters: { title: { $ilike: `%${evil}%` }, post: { title: { $in: [evil] } } },
      }),
    ).toEqual([])
    await expect(
      query.graph({ entity: "product", fields: ['title" from product; drop table product; --'] }),
    ).rejects.toThrow(/Unknown field/)
    await expect(query.graph({ entity: "product; drop table product", fields: ["id"] })).rejects.toThrow(
      /Unknown entity/,
    )
    await expect(
      query.graph({
        entity: "product",
        fields: ["id"],
        pagination: { order: { "title; drop table product": "ASC" } },
      }),
    ).rejects.toThrow(/Unknown/)
    expect(await rows({ entity: "product", fields: ["id"] })).toHaveLength(4)
  })

  it("takes a list of 100,000 ids as one parameter", async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `x${i}`).concat("p2")
    expect(ids(await rows({ entity: "product", fields: ["id"], filters: { id: many } }))).toEqual(["p2"])
    const explained = query.explain({ entity: "product", fields: ["id"], filters: { id: many } })
    expect(explained.fragments[0].params).toHaveLength(1)
    expect(explained.fragments[0].sql).toContain('"id" = ANY($1)')
  })
})

describeBackends("query.graph on a composite primary key", ({ db }) => {
  it("pages, orders and joins back on every key column", async () => {
    await loadFixture(db(), { product: true, blog: true, links: true })
    const graph = fixtureGraph()
    const link = graph.entity("product_post") as { primaryKey: string[] }
    link.primaryKey = ["product_id", "post_id"]
    const query = createQueryEngine({ graph, databases: new Map([["main", db()]]) })
    const page = await query.graph<Row>({
      entity: "product_post",
      fields: ["id", "post.title"],
      pagination: { skip: 1, take: 1 },
    })
    expect(page.data).toEqual([
      { product_id: "p2", post_id: "b2", id: "l2", post: { id: "b2", title: "Denim guide" } },
    ])
    expect(page.metadata).toEqual({ count: 3, skip: 1, take: 1 })
  })
})
