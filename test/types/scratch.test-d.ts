import { expectTypeOf, test } from "vitest"
import { createApp } from "modlink"

test("scratch", async () => {
  const app = await createApp()
  const blog = app.resolve("blog")
  const posts = await blog.createPosts([{ title: "a", body: "b" }])
  const { data } = await app.query.graph({ entity: "product", fields: ["title", "post.title", "post.comments.*", "collection.posts.product_tags.value"] })
  expectTypeOf(data[0]).toEqualTypeOf<{ id: string }>()
  await app.link.create({ product: { product_id: "p" }, blog: { post_id: posts[0].id } })
  // @ts-expect-error typo
  await app.link.create({ product: { product_id: "p" }, blog: { psot_id: posts[0].id } })
  // @ts-expect-error typo
  await app.query.graph({ entity: "product", fields: ["titel"] })
  // @ts-expect-error typo
  await app.query.graph({ entity: "prodcut", fields: ["title"] })
})
