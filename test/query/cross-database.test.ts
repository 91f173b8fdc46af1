import { afterAll, beforeAll, expect, it } from "vitest"
import type { Database } from "../../src/db/index.ts"
import { createQueryEngine, type GraphInput, type QueryEngine } from "../../src/query/index.ts"
import { describeBackends, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { engineOn } from "./fixtures/engine.ts"
import { fixtureGraph, type Placement } from "./fixtures/schema.ts"
import { ids } from "./fixtures/sort.ts"
import { loadFixture } from "./fixtures/tables.ts"

type Row = Record<string, any>

/** Lists sorted by id at every level, for queries whose child order the caller did not fix. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize)
    return items.every((item) => item && typeof item === "object" && "id" in item)
      ? [...(items as Row[])].sort((a, b) => String(a.id).localeCompare(String(b.id)))
      : items
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalize(item)]))
  }
  return value
}

/** Counts statements per database, to check batching costs one round trip per edge per batch. */
function counting(db: Database, counts: Map<string, number>, key: string): Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "query") {
        return (...args: Parameters<Database["query"]>) => {
          counts.set(key, (counts.get(key) ?? 0) + 1)
          return target.query(...args)
        }
      }
      const value = Reflect.get(target, prop, target)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}

const UNORDERED: GraphInput[] = [
  {
    entity: "product",
    fields: [
      "title",
      "post.title",
      "post.comments.body",
      "notes.text",
      "categories.name",
      "variants.title",
      "variants.post.title",
    ],
  },
  {
    entity: "post",
    fields: ["title", "product.title", "featured_product.title", "variants.title", "comments.body"],
  },
  { entity: "category", fields: ["name", "products.title", "products.post.title"] },
  { entity: "note", fields: ["text", "product.title"] },
  { entity: "product_post", fields: ["featured", "note", "product.title", "post.title"] },
  {
    entity: "product",
    fields: ["title", "post.title", "categories.name", "variants.title"],
    withDeleted: true,
  },
  { entity: "product", fields: ["id"], filters: { post: { title: { $ilike: "%e%" } } } },
  { entity: "product", fields: ["id"], filters: { categories: { name: "apparel" } } },
  {
    entity: "product",
    fields: ["id"],
    filters: { $or: [{ rank: 5 }, { post: { comments: { body: "Useful" } } }] },
  },
  { entity: "product", fields: ["id"], filters: { post: { title: "Old news" } }, withDeleted: true },
  { entity: "post", fields: ["id"], filters: { product: { rank: { $lt: 3 } } } },
  { entity: "post", fields: ["id"], filters: { featured_product: { published: true } } },
  { entity: "category", fields: ["id"], filters: { products: { post: { views: { $gt: 50 } } } } },
  { entity: "product_variant", fields: ["id"], filters: { post: { featured_product: { status: "draft" } } } },
  { entity: "product", fields: ["post.title"], nested: { post: { filters: { views: { $gt: 50 } } } } },
]

const ORDERED: GraphInput[] = [
  {
    entity: "product",
    fields: ["categories.name", "post.comments.body"],
    nested: {
      categories: { take: 1, order: { name: "DESC" } },
      "post.comments": { skip: 1, take: 1, order: { body: "ASC" } },
    },
    pagination: { order: { id: "ASC" } },
  },
  {
    entity: "category",
    fields: ["products.title"],
    nested: { products: { order: { rank: "DESC" }, take: 1 } },
    pagination: { order: { id: "ASC" } },
  },
  {
    entity: "product",
    fields: ["title", "post.title"],
    pagination: { skip: 1, take: 2, order: { rank: "ASC" } },
  },
]

/** Where the link tables live in each layout, with product and blog always apart. */
const LAYOUTS: Array<{ name: string; placement: Placement }> = [
  { name: "links with product", placement: { product: "main", blog: "blog", links: "main" } },
  { name: "links with blog", placement: { product: "main", blog: "blog", links: "blog" } },
  { name: "links on a third database", placement: { product: "main", blog: "blog", links: "links" } },
]

describeBackends("query across databases", ({ db, kind }) => {
  const fresh: FreshDatabase[] = []
  const opened: Database[] = []
  const counts = new Map<string, number>()
  let single: QueryEngine
  let databases: Map<string, Database>

  beforeAll(async () => {
    await loadFixture(db(), { product: true, blog: true, links: true })
    single = engineOn(db())
    databases = new Map()
    for (const key of ["main", "blog", "links"]) {
      const extra = await freshDatabase(kind)
      fresh.push(extra)
      const opened1 = await extra.open()
      opened.push(opened1)
      // Every database gets the link tables; the layout decides which copy the graph reads.
      await loadFixture(opened1, { product: key === "main", blog: key === "blog", links: true })
      databases.set(key, counting(opened1, counts, key))
    }
  })

  afterAll(async () => {
    for (const database of opened) await database.close()
    for (const extra of fresh) await extra.drop()
  })

  for (const { name, placement } of LAYOUTS) {
    it(`returns what one database returns, ${name}`, async () => {
      const split = createQueryEngine({ graph: fixtureGraph(placement), databases })
      for (const input of UNORDERED) {
        const expected = await single.graph(input)
        const actual = await split.graph(input)
        expect(normalize(actual), JSON.stringify(input)).toEqual(normalize(expected))
      }
      for (const input of ORDERED) {
        expect(await split.graph(input), JSON.stringify(input)).toEqual(await single.graph(input))
      }
    })
  }

  it("explains batched children and prefetched filters with their databases", () => {
    const split = createQueryEngine({ graph: fixtureGraph(LAYOUTS[0].placement), databases })
    const { fragments } = split.explain({
      entity: "product",
      fields: ["title", "post.comments.body"],
      filters: { categories: { name: "x" } },
    })
    expect(fragments.map((f) => [f.database, f.entity.replace(/ \(lookup #\d+\)/, " (lookup)")])).toEqual([
      ["blog", "category (lookup)"],
      ["main", "product"],
      ["blog", "post"],
    ])
    expect(fragments[1].edges).toEqual([
      { path: "filters.categories", strategy: "prefetch-any" },
      { path: "post", strategy: "batched-any" },
    ])
    expect(fragments[1].sql).toContain("= ANY($1)")
    expect(fragments[1].params[0]).toMatch(/^<keys from lookup #\d+>$/)
    expect(fragments[2].edges).toEqual([{ path: "post.comments", strategy: "subquery" }])
    expect(fragments[2].sql).toContain('"m" FROM "blog_post"')
    expect(fragments[2].params[0]).toMatch(/<keys of product\.post/)
    const third = createQueryEngine({ graph: fixtureGraph(LAYOUTS[2].placement), databases })
    expect(
      third.explain({ entity: "product", fields: ["post.title"] }).fragments.map((f) => f.database),
    ).toEqual(["main", "links", "blog"])
  })

  it("fetches thousands of parents' children in bounded batches, one statement per batch", async () => {
    const main = opened[0]
    const blog = opened[1]
    await main.exec(`insert into product (id, title, url_handle, price, rank, weight, published, status, tags)
      select 'bulk' || i, 'Bulk ' || i, 'bulk', i, i, 1, true, 'draft', '{}' from generate_series(1, 6000) i;
      insert into product_product_blog_post (id, product_id, post_id) select 'lb' || i, 'bulk' || i, 'bp' || i from generate_series(1, 6000) i;`)
    await blog.exec(`insert into blog_post (id, title, views) select 'bp' || i, 'Bulk post ' || i, i from generate_series(1, 6000) i;
      insert into comment (id, post_id, body) select 'bc' || i, 'bp' || i, 'c' || i from generate_series(1, 6000) i;`)
    const split = createQueryEngine({ graph: fixtureGraph(LAYOUTS[0].placement), databases })
    counts.clear()
    const { data } = await split.graph<Row>({
      entity: "product",
      fields: ["id", "post.title", "post.comments.body"],
      filters: { handle: "bulk" },
    })
    expect(data).toHaveLength(6000)
    expect(
      data.every(
        (p) =>
          p.post.title === `Bulk post ${p.id.slice(4)}` && p.post.comments[0].body === `c${p.id.slice(4)}`,
      ),
    ).toBe(true)
    expect(Object.fromEntries(counts)).toEqual({ main: 1, blog: 2 })
    counts.clear()
    const filtered = await split.graph<Row>({
      entity: "product",
      fields: ["id"],
      filters: { post: { views: { $gt: 5990 } } },
    })
    expect(ids(filtered.data).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `bulk${5991 + i}`).sort())
    expect(Object.fromEntries(counts)).toEqual({ blog: 1, main: 1 })
  })
})
