/**
 * The container, query.graph and the link service typed from the example app's modules and links
 * (issue 12, items 3 and 4), through examples/blog/modlink-env.d.ts as `modlink types` writes it.
 */
import { createApp, type ExecArgs, type InferTypeOf } from "modlink"
import { describe, expectTypeOf, test } from "vitest"
import type { Post } from "../../examples/blog/src/modules/blog/models/post.ts"
import type { BlogModuleService } from "../../examples/blog/src/modules/blog/service.ts"
import type { ProductModuleService } from "../../src/modules/product/service.ts"

const app = await createApp()
const { query, link } = app

describe("container", () => {
  // Assignments both ways, not toEqualTypeOf: its deep comparison of whole services and engines
  // costs the checker more than everything else in this file.
  test("resolve returns each name's real type", () => {
    const blog: BlogModuleService = app.resolve("blog")
    const product: ProductModuleService = app.resolve("product")
    const sameQuery: typeof app.query = app.resolve("query")
    const sameLink: typeof app.link = app.resolve("link")
    expectTypeOf(app.resolve("blog")).toHaveProperty("createPosts")
    expectTypeOf(app.resolve("product")).toHaveProperty("createProducts")
    // @ts-expect-error the blog service is not the product service
    const wrong: ProductModuleService = app.resolve("blog")
    void [blog, product, sameQuery, sameLink, wrong]
  })

  test("an exec script's container is the same", () => {
    const script = async ({ container }: { container: Pick<typeof app, "resolve"> }) => {
      const posts = await container.resolve("blog").listPosts({}, { select: ["title"] })
      expectTypeOf(posts).toEqualTypeOf<{ id: string; title: string }[]>()
    }
    void script
  })

  test("an unknown name is an error", () => {
    // @ts-expect-error no module "blgo"
    app.resolve("blgo")
    // @ts-expect-error no module "products"
    app.resolve("products")
  })

  test("an exec script typed with ExecArgs", () => {
    const script = async ({ container, args }: ExecArgs) => {
      expectTypeOf(args).toEqualTypeOf<string[]>()
      const posts = await container.resolve("blog").listPosts({}, { select: ["title"] })
      expectTypeOf(posts).toEqualTypeOf<{ id: string; title: string }[]>()
      const { data } = await container.resolve("query").graph({ entity: "post", fields: ["product.title"] })
      expectTypeOf(data[0].product).toEqualTypeOf<{ id: string; title: string } | null>()
      // @ts-expect-error no module "prodcut"
      container.resolve("prodcut")
    }
    void script
  })

  test("a transaction's scope resolves the same names, typed", async () => {
    const titles = await app.transaction(async (scope) => {
      const blog: BlogModuleService = scope.resolve("blog")
      const same: typeof app.link = scope.resolve("link")
      const post = await scope.resolve("blog").createPosts({ title: "t", body: "b" })
      expectTypeOf(post).toEqualTypeOf<InferTypeOf<typeof Post>>()
      const { data } = await scope.resolve("query").graph({ entity: "post", fields: ["title"] })
      // @ts-expect-error no module "blgo"
      scope.resolve("blgo")
      await scope.transaction(async (inner) => {
        // @ts-expect-error no field "titel" on post
        await inner.resolve("query").graph({ entity: "post", fields: ["titel"] })
      })
      void [blog, same]
      return data.map((row) => row.title)
    })
    expectTypeOf(titles).toEqualTypeOf<string[]>()
  })
})

describe("query.graph", () => {
  test("fields through relationships and links, both directions", async () => {
    const { data } = await query.graph({
      entity: "product",
      fields: ["title", "post.title", "post.comments.*"],
    })
    expectTypeOf(data).toEqualTypeOf<
      {
        id: string
        title: string
        post: {
          id: string
          title: string
          comments: {
            id: string
            author: string
            body: string
            post_id: string
            created_at: Date
            updated_at: Date
            deleted_at: Date | null
          }[]
        } | null
      }[]
    >()
    const back = await query.graph({ entity: "post", fields: ["product.handle", "product_tags.value"] })
    expectTypeOf(back.data[0]).toEqualTypeOf<{
      id: string
      product: { id: string; handle: string } | null
      product_tags: { id: string; value: string }[]
    }>()
  })

  test("a list side is an array, a single side a record or null", async () => {
    const { data } = await query.graph({ entity: "product_collection", fields: ["posts.title"] })
    expectTypeOf(data[0].posts).toEqualTypeOf<{ id: string; title: string }[]>()
    const single = await query.graph({ entity: "post", fields: ["product_collection.title"] })
    expectTypeOf(single.data[0].product_collection).toEqualTypeOf<{ id: string; title: string } | null>()
  })

  test('"*" is every column; a relation named alone is all of its fields', async () => {
    const { data } = await query.graph({ entity: "post", fields: ["*"] })
    expectTypeOf(data[0]).toEqualTypeOf<InferTypeOf<typeof Post>>()
    const alone = await query.graph({ entity: "comment", fields: ["post"] })
    expectTypeOf(alone.data[0].post).toEqualTypeOf<InferTypeOf<typeof Post> | null>()
  })

  test("link entry points are entities with their extra columns", async () => {
    const { data } = await query.graph({ entity: "product_collection_post", fields: ["*", "post.title"] })
    expectTypeOf(data[0]).toEqualTypeOf<{
      id: string
      product_collection_id: string
      post_id: string
      position: number
      pinned: boolean
      created_at: Date
      updated_at: Date
      deleted_at: Date | null
      post: { id: string; title: string } | null
    }>()
    const rows = await query.graph({ entity: "post", fields: ["product_collection_link.position"] })
    expectTypeOf(rows.data[0].product_collection_link).toEqualTypeOf<{
      product_collection_id: string
      post_id: string
      position: number
    } | null>()
  })

  test("six segments deep, through a cycle", async () => {
    const { data } = await query.graph({
      entity: "product",
      fields: ["post.comments.post.product.collection.title"],
    })
    expectTypeOf(data[0].post).toEqualTypeOf<{
      id: string
      comments: {
        id: string
        post: {
          id: string
          product: { id: string; collection: { id: string; title: string } | null } | null
        } | null
      }[]
    } | null>()
  })

  test("filters and order, with operators per field type", async () => {
    await query.graph({
      entity: "product",
      fields: ["title"],
      filters: {
        title: { $ilike: "%shirt%" },
        status: ["published", "draft"],
        weight: { $gte: 1, $lt: 9 },
        discountable: true,
        created_at: { $gt: "2025-01-01" },
        metadata: { $contains: { color: "red" } },
        post: { title: { $like: "Review%" }, comments: { author: "ana" } },
        $or: [{ handle: "a" }, { subtitle: null }],
      },
      pagination: { skip: 0, take: 10, order: { title: "ASC", collection: { title: "DESC" } } },
    })
    await query.graph({
      entity: "post",
      fields: ["title"],
      pagination: { order: { "product.title": "desc" } },
    })
  })

  test("an unknown entity, field or segment is an error", async () => {
    // @ts-expect-error no entity "prodcut"
    await query.graph({ entity: "prodcut", fields: ["title"] })
    // @ts-expect-error no field "titel" on product
    await query.graph({ entity: "product", fields: ["titel"] })
    // @ts-expect-error no field "titel" on post
    await query.graph({ entity: "product", fields: ["post.titel"] })
    // @ts-expect-error no relation "psot" on product
    await query.graph({ entity: "product", fields: ["psot.title"] })
    // @ts-expect-error no field "valeu" on product_tag, four segments down
    await query.graph({ entity: "product", fields: ["post.product_tags.products.valeu"] })
    // @ts-expect-error the collection side of post is single: product_collection, not product_collections
    await query.graph({ entity: "post", fields: ["product_collections.title"] })
    // @ts-expect-error no extra column "postion"
    await query.graph({ entity: "product_collection_post", fields: ["postion"] })
  })

  test("an unknown or mistyped filter or order is an error", async () => {
    // @ts-expect-error filter on an unknown field
    await query.graph({ entity: "product", fields: ["title"], filters: { titel: "x" } })
    // @ts-expect-error $ilike is for text
    await query.graph({ entity: "product", fields: ["title"], filters: { weight: { $ilike: "1" } } })
    // @ts-expect-error $gt is not for booleans
    await query.graph({ entity: "product", fields: ["title"], filters: { discountable: { $gt: true } } })
    // @ts-expect-error status takes its enum values
    await query.graph({ entity: "product", fields: ["title"], filters: { status: "live" } })
    // @ts-expect-error filter through an unknown relation
    await query.graph({ entity: "product", fields: ["title"], filters: { psot: { title: "x" } } })
    // @ts-expect-error filter on an unknown field of a linked model
    await query.graph({ entity: "product", fields: ["title"], filters: { post: { titel: "x" } } })
    // @ts-expect-error unknown combinator
    await query.graph({ entity: "product", fields: ["title"], filters: { $nor: [] } })
    // @ts-expect-error order by an unknown field
    await query.graph({ entity: "product", fields: ["title"], pagination: { order: { titel: "ASC" } } })
    await query.graph({
      entity: "product",
      fields: ["title"],
      // @ts-expect-error a list cannot order its parent
      pagination: { order: { variants: { title: "ASC" } } },
    })
    // @ts-expect-error take is a number
    await query.graph({ entity: "product", fields: ["title"], pagination: { take: "10" } })
  })

  test("stream yields the rows graph returns, one at a time", async () => {
    for await (const row of query.stream({ entity: "post", fields: ["title", "comments.author"] })) {
      expectTypeOf(row).toEqualTypeOf<{
        id: string
        title: string
        comments: { id: string; author: string }[]
      }>()
    }
    query.stream({ entity: "product", fields: ["title"] }, { chunkSize: 500, consistency: "primary" })
    // @ts-expect-error no field "titel" on product
    query.stream({ entity: "product", fields: ["titel"] })
    // @ts-expect-error chunkSize is a number
    query.stream({ entity: "product", fields: ["title"] }, { chunkSize: "500" })
  })

  test("read options", async () => {
    const { data } = await query.graph({ entity: "post", fields: ["title"] }, { consistency: "primary" })
    expectTypeOf(data).toEqualTypeOf<{ id: string; title: string }[]>()
    // @ts-expect-error replica or primary
    await query.graph({ entity: "post", fields: ["title"] }, { consistency: "leader" })
  })

  test("order through single relations, nested or dotted, names their fields", async () => {
    await query.graph({
      entity: "comment",
      fields: ["body"],
      pagination: { order: { post: { product: { title: "ASC" } }, "post.views": "DESC" } },
    })
    await query.graph({
      entity: "comment",
      fields: ["body"],
      // @ts-expect-error no field "titel" on post
      pagination: { order: { post: { titel: "ASC" } } },
    })
    // @ts-expect-error no field "titel" on post
    await query.graph({ entity: "comment", fields: ["body"], pagination: { order: { "post.titel": "ASC" } } })
    await query.graph({
      entity: "comment",
      fields: ["body"],
      // @ts-expect-error no relation "psot" on comment
      pagination: { order: { psot: { title: "ASC" } } },
    })
    // @ts-expect-error a direction is ASC or DESC
    await query.graph({ entity: "comment", fields: ["body"], pagination: { order: { body: "DOWN" } } })
  })

  test("filters on link entities and through links", async () => {
    await query.graph({ entity: "product_collection_post", fields: ["position"], filters: { pinned: true } })
    await query.graph({ entity: "post", fields: ["title"], filters: { product_tags: { value: "sale" } } })
    // @ts-expect-error position is a number
    await query.graph({ entity: "product_collection_post", fields: ["position"], filters: { position: "1" } })
    // @ts-expect-error no extra column "pined"
    await query.graph({ entity: "product_collection_post", fields: ["position"], filters: { pined: true } })
    // @ts-expect-error no field "valeu" on product_tag
    await query.graph({ entity: "post", fields: ["title"], filters: { product_tags: { valeu: "sale" } } })
  })

  test("explain takes the same input", () => {
    query.explain({ entity: "post", fields: ["title", "comments.body"] })
    // @ts-expect-error no field "bdoy" on comment
    query.explain({ entity: "post", fields: ["comments.bdoy"] })
  })
})

describe("link service", () => {
  test("create, dismiss and list take the app's links' keys", async () => {
    await link.create({ product: { product_id: "prod_1" }, blog: { post_id: "post_1" } })
    await link.create([
      {
        product: { product_collection_id: "c" },
        blog: { post_id: "p" },
        data: { position: 2, pinned: true },
      },
      { blog: { post_id: "p" }, product: { product_tag_id: "t" } },
    ])
    await link.dismiss({ product: { product_id: "prod_1" }, blog: { post_id: "post_1" } })
    await link.list({ product: { product_id: ["prod_1", "prod_2"] } })
    await link.list({ blog: { post_id: "p" } }, { withDeleted: true })
    await link.delete({ product: { product_id: ["prod_1"] } }, { dryRun: true })
    await link.restore({ blog: { comment_id: "c" } })
  })

  test("unknown module keys, linkable keys and extra columns are errors", async () => {
    // @ts-expect-error no module "prodcut"
    await link.create({ prodcut: { product_id: "p" }, blog: { post_id: "x" } })
    // @ts-expect-error no key "psot_id" on blog
    await link.create({ product: { product_id: "p" }, blog: { psot_id: "x" } })
    // @ts-expect-error no link between products and comments
    await link.create({ product: { product_id: "p" }, blog: { comment_id: "x" } })
    // One line per call: which line tsc reports a union mismatch on is not fixed.
    const pair = { product: { product_collection_id: "c" }, blog: { post_id: "p" } }
    await link.create({ ...pair, data: { position: 1 } })
    // @ts-expect-error no extra column "postion"
    await link.create({ ...pair, data: { postion: 1 } })
    // @ts-expect-error position is a number
    await link.create({ ...pair, data: { position: "1" } })
    // @ts-expect-error ids are strings
    await link.dismiss({ product: { product_id: 1 }, blog: { post_id: "p" } })
    // @ts-expect-error no key "product_ids"
    await link.list({ product: { product_ids: "p" } })
    // @ts-expect-error no module "blgo"
    await link.delete({ blgo: { post_id: "p" } })
    // @ts-expect-error no model "pots" in blog
    await link.restore({ blog: { pots_id: "p" } })
    // @ts-expect-error dryRun is a boolean
    await link.delete({ blog: { post_id: "p" } }, { dryRun: "yes" })
    // @ts-expect-error product <> post has no extra columns
    await link.create({ product: { product_id: "p" }, blog: { post_id: "x" }, data: { position: 1 } })
    // @ts-expect-error the tag side is product_tag_id
    await link.create({ blog: { post_id: "p" }, product: { product_tag: "t" } })
    // @ts-expect-error both sides are needed
    await link.create({ blog: { post_id: "p" } })
  })
})
