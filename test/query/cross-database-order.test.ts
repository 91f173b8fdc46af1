import { afterAll, beforeAll, expect, it } from "vitest"
import type { Database } from "../../src/db/index.ts"
import { createQueryEngine, type GraphInput, type QueryEngine } from "../../src/query/index.ts"
import { describeBackends, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { engineOn, expectModlinkError } from "./fixtures/engine.ts"
import { fixtureGraph, type Placement } from "./fixtures/schema.ts"
import { ids } from "./fixtures/sort.ts"
import { loadFixture } from "./fixtures/tables.ts"

type Row = Record<string, any>

/**
 * Rows beyond the base fixture so sorts meet ties, nulls and missing links: products q01–q12
 * (titles and ranks repeat, even ones have no released_at), posts r01–r12 (titles and views
 * repeat; every third has no featured product). q05, q11 and q12 have no post; q09's post is
 * deleted; q10 has a live link to r10 and a dismissed one to r11 (two links once deleted rows
 * show); r12 has no product. Variants w1–w6 of q01–q06, w1–w5 linked to posts r01–r05. Each
 * q product is in one category.
 */
const EXTRA = {
  product: `
    insert into product (id, title, url_handle, price, rank, weight, published, status, tags, released_at)
      select 'q' || lpad(i::text, 2, '0'), 'Tie ' || (i % 4), 'q', i, i % 3, 1, i % 2 = 0, 'draft', '{}',
             case when i % 2 = 1 then timestamptz '2024-01-01' + i * interval '1 day' end
      from generate_series(1, 12) i;
    insert into product_variant (id, title, product_id)
      select 'w' || i, 'W' || i, 'q' || lpad(i::text, 2, '0') from generate_series(1, 6) i;`,
  blog: `
    insert into blog_post (id, title, views, product_ref, deleted_at)
      select 'r' || lpad(i::text, 2, '0'), 'Post ' || (i % 5), i % 4,
             case when i % 3 <> 0 then 'q' || lpad((13 - i)::text, 2, '0') end,
             case when i = 9 then timestamptz '2024-06-01' end
      from generate_series(1, 12) i;`,
  links: `
    insert into product_product_blog_post (id, product_id, post_id, deleted_at)
      select 'lq' || i, 'q' || lpad(i::text, 2, '0'), 'r' || lpad(i::text, 2, '0'), null
      from generate_series(1, 10) i where i <> 5;
    insert into product_product_blog_post (id, product_id, post_id, deleted_at)
      values ('lq10x', 'q10', 'r11', '2024-06-01');
    insert into product_product_variant_blog_post (id, product_variant_id, post_id)
      select 'lw' || i, 'w' || i, 'r' || lpad(i::text, 2, '0') from generate_series(1, 5) i;
    insert into product_product_blog_category (id, product_id, category_id)
      select 'lqc' || i, 'q' || lpad(i::text, 2, '0'), 'k' || (i % 3 + 1) from generate_series(1, 12) i;`,
}

async function load(db: Database, parts: { product?: boolean; blog?: boolean; links?: boolean }) {
  await loadFixture(db, parts)
  if (parts.product) await db.exec(EXTRA.product)
  if (parts.blog) await db.exec(EXTRA.blog)
  if (parts.links) await db.exec(EXTRA.links)
}

/** Sorts through a link in both directions, each compared with the one-database answer. */
const SORTED: GraphInput[] = [
  { entity: "product", fields: ["title", "post.title"], pagination: { order: { post: { title: "ASC" } } } },
  { entity: "product", fields: ["title", "post.title"], pagination: { order: { post: { title: "DESC" } } } },
  {
    entity: "post",
    fields: ["title", "product.title"],
    pagination: { order: { product: { title: "ASC" } } },
  },
  { entity: "post", fields: ["title"], pagination: { order: { "product.title": "DESC" } } },
  { entity: "post", fields: ["id"], pagination: { order: { product: { released_at: "ASC" } } } },
  { entity: "post", fields: ["id"], pagination: { order: { product: { released_at: "DESC" } } } },
  { entity: "post", fields: ["id"], pagination: { order: { featured_product: { rank: "DESC" } } } },
  {
    entity: "post",
    fields: ["id"],
    pagination: { order: { featured_product: { rank: "ASC" }, views: "DESC" } },
  },
  {
    entity: "product",
    fields: ["id", "post.views"],
    pagination: { order: { post: { views: "DESC" }, title: "ASC" } },
  },
  {
    entity: "product",
    fields: ["id"],
    filters: { published: true },
    pagination: { order: { post: { title: "ASC" } } },
  },
  {
    entity: "product",
    fields: ["id"],
    filters: { post: { views: { $gte: 1 } } },
    pagination: { order: { post: { title: "DESC" } } },
  },
  {
    entity: "post",
    fields: ["id"],
    filters: { $or: [{ views: { $lt: 2 } }, { product: { published: true } }] },
    pagination: { order: { product: { rank: "DESC" } } },
  },
  { entity: "product_variant", fields: ["id"], pagination: { order: { post: { title: "DESC" } } } },
  {
    entity: "product_variant",
    fields: ["id"],
    pagination: { order: { post: { featured_product: { title: "ASC" } } } },
  },
  {
    entity: "category",
    fields: ["name", "products.id"],
    nested: { products: { order: { post: { title: "DESC" } } } },
    pagination: { order: { name: "ASC" } },
  },
  {
    entity: "product",
    fields: ["id"],
    withDeleted: true,
    pagination: { order: { post: { title: "ASC" } } },
  },
  {
    entity: "product",
    fields: ["id"],
    withDeleted: true,
    pagination: { order: { post: { title: "DESC" } } },
  },
]

/** Where the link tables live in each layout, with product and blog always apart. */
const LAYOUTS: Array<{ name: string; placement: Placement }> = [
  { name: "links with product", placement: { product: "main", blog: "blog", links: "main" } },
  { name: "links with blog", placement: { product: "main", blog: "blog", links: "blog" } },
  { name: "links on a third database", placement: { product: "main", blog: "blog", links: "links" } },
]

/** Every page of `take` records, one `graph` call each, until the reported total is reached. */
async function allPages(engine: QueryEngine, input: GraphInput, take: number) {
  const rows: Row[] = []
  const counts: number[] = []
  for (let skip = 0; ; skip += take) {
    const page = await engine.graph<Row>({ ...input, pagination: { ...input.pagination, skip, take } })
    counts.push(page.metadata!.count)
    rows.push(...page.data)
    if (page.data.length < take) return { rows, counts }
  }
}

describeBackends("order through a link across databases", ({ db, kind }) => {
  const fresh: FreshDatabase[] = []
  const opened: Database[] = []
  let single: QueryEngine
  let databases: Map<string, Database>
  const split = (placement: Placement) => createQueryEngine({ graph: fixtureGraph(placement), databases })

  beforeAll(async () => {
    await load(db(), { product: true, blog: true, links: true })
    single = engineOn(db())
    databases = new Map()
    for (const key of ["main", "blog", "links"]) {
      const extra = await freshDatabase(kind)
      fresh.push(extra)
      const database = await extra.open()
      opened.push(database)
      // Every database gets the link tables; the layout decides which copy the graph reads.
      await load(database, { product: key === "main", blog: key === "blog", links: true })
      databases.set(key, database)
    }
  })

  afterAll(async () => {
    for (const database of opened) await database.close()
    for (const extra of fresh) await extra.drop()
  })

  for (const { name, placement } of LAYOUTS) {
    it(`sorts as one database does, ${name}`, async () => {
      const engine = split(placement)
      for (const input of SORTED) {
        const expected = await single.graph(input)
        expect(expected.data.length, JSON.stringify(input)).toBeGreaterThanOrEqual(3)
        expect(await engine.graph(input), JSON.stringify(input)).toEqual(expected)
      }
    })

    it(`pages through a sort across databases without overlap or gaps, ${name}`, async () => {
      const engine = split(placement)
      for (const input of SORTED.slice(0, 12)) {
        const whole = await single.graph<Row>(input)
        for (const take of [1, 4]) {
          const { rows, counts } = await allPages(engine, input, take)
          expect(ids(rows), `${JSON.stringify(input)} take ${take}`).toEqual(ids(whole.data))
          expect(new Set(counts), JSON.stringify(input)).toEqual(new Set([whole.data.length]))
        }
      }
    })
  }

  it("puts records without a linked value last ascending and first descending", async () => {
    const engine = split(LAYOUTS[0].placement)
    const order = (direction: "ASC" | "DESC") =>
      engine.graph<Row>({
        entity: "product",
        fields: ["id", "post.title"],
        pagination: { order: { post: { title: direction } } },
      })
    const unlinked = ["p3", "p4", "q05", "q09", "q11", "q12"]
    const asc = (await order("ASC")).data
    expect(ids(asc.slice(-unlinked.length))).toEqual(unlinked)
    expect(asc.slice(0, -unlinked.length).every((p) => p.post !== null)).toBe(true)
    const desc = (await order("DESC")).data
    expect(ids(desc.slice(0, unlinked.length))).toEqual(unlinked)
    // Equal titles ("Post 1" twice, …) fall back on the product's id.
    const titled = asc.filter((p) => p.post !== null)
    for (let i = 1; i < titled.length; i++) {
      const [a, b] = [titled[i - 1], titled[i]]
      expect(a.post.title < b.post.title || (a.post.title === b.post.title && a.id < b.id)).toBe(true)
    }
  })

  it("streams a sort across databases in the order graph returns", async () => {
    const engine = split(LAYOUTS[2].placement)
    const input = SORTED[2]
    const streamed: Row[] = []
    for await (const record of engine.stream<Row>(input, { chunkSize: 3 })) streamed.push(record)
    expect(streamed).toEqual((await single.graph(input)).data)
  })

  it("explains the sort lookup: ranks fetched first, joined by key", () => {
    const engine = split(LAYOUTS[0].placement)
    const { fragments } = engine.explain({
      entity: "product",
      fields: ["title"],
      filters: { post: { views: { $gt: 1 } } },
      pagination: { take: 10, order: { post: { title: "ASC" } } },
    })
    expect(fragments.map((f) => [f.database, f.entity.replace(/#\d+/, "#n")])).toEqual([
      ["blog", "post (lookup #n)"],
      ["blog", "post (sort lookup #n)"],
      ["main", "product"],
    ])
    expect(fragments[1].sql).toContain("dense_rank() OVER (ORDER BY")
    expect(fragments[2].edges).toEqual([
      { path: "filters.post", strategy: "prefetch-any" },
      { path: "order.post", strategy: "prefetch-rank" },
    ])
    expect(fragments[2].sql).toContain("unnest(")
    expect(fragments[2].params).toContain(
      fragments[1].entity.replace(/.*#(\d+)\)/, "<ranks from lookup #$1>"),
    )
  })

  it("refuses a list side, and a nested list read in its parent's statement, saying why", async () => {
    const engine = split(LAYOUTS[0].placement)
    await expectModlinkError(
      () =>
        engine.graph({
          entity: "product",
          fields: ["id"],
          pagination: { order: { categories: { name: "ASC" } } },
        }),
      "INVALID_INPUT",
      /Cannot order by "categories" in pagination\.order: "categories" of product is a list/,
    )
    await expectModlinkError(
      () =>
        engine.graph({
          entity: "product",
          fields: ["variants.title"],
          nested: { variants: { order: { post: { title: "ASC" } } } },
        }),
      "INVALID_INPUT",
      /Cannot order by post\.title in variants\.order: post is on database "blog", product_variant on "main"/,
      /nested list read in its parent's statement/,
    )
  })
})
