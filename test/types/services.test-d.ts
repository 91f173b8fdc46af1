/** Services typed from their models (issue 12, item 2), on the example's blog and the product module. */
import type { InferTypeOf } from "modlink"
import { describe, expectTypeOf, test } from "vitest"
import type { Comment } from "../../examples/blog/src/modules/blog/models/comment.ts"
import type { Post } from "../../examples/blog/src/modules/blog/models/post.ts"
import { BlogModuleService } from "../../examples/blog/src/modules/blog/service.ts"
import type { Product } from "../../src/modules/product/models/product.ts"
import { ProductModuleService } from "../../src/modules/product/service.ts"

type PostRecord = InferTypeOf<typeof Post>
type CommentRecord = InferTypeOf<typeof Comment>
const blog = new BlogModuleService()
const product = new ProductModuleService()

describe("generated method names", () => {
  test("every method of every model exists", () => {
    expectTypeOf(blog).toHaveProperty("createPosts")
    expectTypeOf(blog).toHaveProperty("updatePosts")
    expectTypeOf(blog).toHaveProperty("retrievePost")
    expectTypeOf(blog).toHaveProperty("listPosts")
    expectTypeOf(blog).toHaveProperty("listAndCountPosts")
    expectTypeOf(blog).toHaveProperty("deletePosts")
    expectTypeOf(blog).toHaveProperty("softDeletePosts")
    expectTypeOf(blog).toHaveProperty("restorePosts")
    expectTypeOf(blog).toHaveProperty("createComments")
    expectTypeOf(blog).toHaveProperty("retrieveComment")
    expectTypeOf(product).toHaveProperty("createProductCategories")
    expectTypeOf(product).toHaveProperty("retrieveProductCategory")
    expectTypeOf(product).toHaveProperty("listProductOptionValues")
    expectTypeOf(product).toHaveProperty("listAndCountProductVariants")
    expectTypeOf(product).toHaveProperty("softDeleteProductCollections")
    expectTypeOf(product).toHaveProperty("restoreProductTags")
  })

  test("a misspelt method is an error", () => {
    // @ts-expect-error createPost is singular: createPosts
    blog.createPost
    // @ts-expect-error listPost: listPosts
    blog.listPost
    // @ts-expect-error ProductCategorys: pluralize says ProductCategories
    product.createProductCategorys
    // @ts-expect-error the blog service has no product methods
    blog.createProducts
  })
})

describe("create", () => {
  test("one record in, one out; an array in, an array out", async () => {
    expectTypeOf(await blog.createPosts({ title: "a", body: "b" })).toEqualTypeOf<PostRecord>()
    expectTypeOf(await blog.createPosts([{ title: "a", body: "b" }])).toEqualTypeOf<PostRecord[]>()
    expectTypeOf(await blog.createComments([{ author: "a", body: "b", post_id: "p" }])).toEqualTypeOf<
      CommentRecord[]
    >()
    expectTypeOf(await product.createProducts([{ title: "t", handle: "h" }])).toEqualTypeOf<
      InferTypeOf<typeof Product>[]
    >()
  })

  test("typos, missing fields and wrong values are errors", async () => {
    // @ts-expect-error nmae is not a field
    await blog.createPosts([{ title: "X", body: "b", nmae: "typo" }])
    // @ts-expect-error body is required
    await blog.createPosts({ title: "X" })
    // @ts-expect-error status is "draft" | "published"
    await blog.createPosts({ title: "X", body: "b", status: "archived" })
    // @ts-expect-error views is a number
    await blog.createPosts({ title: "X", body: "b", views: "3" })
    // @ts-expect-error post_id is required on a comment
    await blog.createComments({ author: "a", body: "b" })
    // @ts-expect-error created_at is modlink's
    await blog.createPosts({ title: "X", body: "b", created_at: new Date() })
    const created = await product.createProducts([{ title: "X", handle: "x" }])
    // @ts-expect-error a title is a string, not a number
    const n: number = created[0].title
    void n
  })
})

describe("update", () => {
  test("by id, by list and by selector", async () => {
    expectTypeOf(await blog.updatePosts({ id: "p", title: "t" })).toEqualTypeOf<PostRecord>()
    expectTypeOf(await blog.updatePosts([{ id: "p", views: 3 }])).toEqualTypeOf<PostRecord[]>()
    expectTypeOf(
      await blog.updatePosts({ selector: { status: "draft" }, data: { status: "published" } }),
    ).toEqualTypeOf<PostRecord[]>()
  })

  test("without id, unknown field or wrong value: errors", async () => {
    // @ts-expect-error an update names its record
    await blog.updatePosts({ title: "t" })
    // @ts-expect-error titel is not a field
    await blog.updatePosts({ id: "p", titel: "t" })
    // @ts-expect-error the selector is a filter of posts
    await blog.updatePosts({ selector: { stauts: "draft" }, data: { views: 1 } })
  })
})

describe("list, listAndCount, retrieve", () => {
  test("every field without select", async () => {
    expectTypeOf(await blog.listPosts()).toEqualTypeOf<PostRecord[]>()
    expectTypeOf(await blog.retrievePost("p")).toEqualTypeOf<PostRecord>()
    expectTypeOf(await blog.listAndCountPosts()).toEqualTypeOf<[PostRecord[], number]>()
  })

  test("select narrows the result; the key always comes back", async () => {
    expectTypeOf(await blog.listPosts({}, { select: ["title"] })).toEqualTypeOf<
      { id: string; title: string }[]
    >()
    expectTypeOf(await blog.retrievePost("p", { select: ["views", "status"] })).toEqualTypeOf<{
      id: string
      views: number
      status: "draft" | "published"
    }>()
    expectTypeOf(await blog.listComments({}, { select: ["body", "post.title"] })).toEqualTypeOf<
      { id: string; body: string; post: { id: string; title: string } | null }[]
    >()
    expectTypeOf(
      await blog.listAndCountPosts({}, { select: ["title", "comments.author"], take: 5 }),
    ).toEqualTypeOf<[{ id: string; title: string; comments: { id: string; author: string }[] }[], number]>()
  })

  test("relations include the related records whole", async () => {
    const [post] = await blog.listPosts({}, { relations: ["comments"] })
    expectTypeOf(post.comments).toEqualTypeOf<CommentRecord[]>()
    expectTypeOf(post.title).toEqualTypeOf<string>()
    const [variant] = await product.listProductVariants({}, { relations: ["options"] })
    expectTypeOf(variant.options).toBeArray()
  })

  test("filters and order are typed per field", async () => {
    await blog.listPosts({ title: { $ilike: "%x%" }, views: { $gte: 10 }, status: ["draft", "published"] })
    await blog.listPosts({ $or: [{ status: "draft" }, { views: { $lt: 3 } }] })
    await blog.listPosts({ comments: { author: "ana" } }, { order: { views: "DESC" }, skip: 0, take: 10 })
    await blog.listComments({}, { order: { post: { title: "ASC" } } })
    await blog.listComments({}, { order: { "post.title": "asc" } })
  })

  test("unknown filter, select and order keys are errors", async () => {
    // @ts-expect-error titel is not a field of post
    await blog.listPosts({ titel: "x" })
    // @ts-expect-error views is a number
    await blog.listPosts({ views: "many" })
    // @ts-expect-error $like is for text, not numbers
    await blog.listPosts({ views: { $like: "1%" } })
    // @ts-expect-error status takes its enum values
    await blog.listPosts({ status: "archived" })
    // @ts-expect-error titel is not a field of post
    await blog.listPosts({}, { select: ["titel"] })
    // @ts-expect-error comments.auther is not a field of comment
    await blog.listPosts({}, { select: ["comments.auther"] })
    // @ts-expect-error commments is not a relation
    await blog.listPosts({}, { relations: ["commments"] })
    // @ts-expect-error order by an unknown field
    await blog.listPosts({}, { order: { titel: "ASC" } })
    // @ts-expect-error a direction is ASC or DESC
    await blog.listPosts({}, { order: { title: "UP" } })
    // @ts-expect-error skip is a number
    await blog.listPosts({}, { skip: "1" })
    // @ts-expect-error an unknown option
    await blog.listPosts({}, { with_deleted: true })
    // @ts-expect-error retrieve takes an id string
    await blog.retrievePost(1)
  })
})

describe("delete, softDelete, restore", () => {
  test("return the ids under the linkable key", async () => {
    expectTypeOf(await blog.softDeletePosts(["p"])).toEqualTypeOf<{ post_id: string[] }>()
    expectTypeOf(await blog.restoreComments("c")).toEqualTypeOf<{ comment_id: string[] }>()
    expectTypeOf(await product.softDeleteProductVariants({ sku: null })).toEqualTypeOf<{
      product_variant_id: string[]
    }>()
    expectTypeOf(await blog.deletePosts({ status: "draft" })).toEqualTypeOf<void>()
  })

  test("a bad selector is an error", async () => {
    // @ts-expect-error stauts is not a field
    await blog.deletePosts({ stauts: "draft" })
    // @ts-expect-error ids are strings
    await blog.softDeletePosts([1, 2])
    // @ts-expect-error cascadeLinks is a boolean
    await blog.softDeletePosts("p", { cascadeLinks: "no" })
  })
})
