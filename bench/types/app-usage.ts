/** What a user writes against the example app: measured typed (modlink-env.d.ts) and untyped (any-env.d.ts) by docs/performance.md. */
import { createApp } from "modlink"
export async function main() {
  const app = await createApp()
  const blog = app.resolve("blog")
  const products = app.resolve("product")
  const created = await products.createProducts([{ title: "a", handle: "a" }])
  const posts = await blog.createPosts(created.map((p: { title: string }) => ({ title: p.title, body: "b" })))
  await app.link.create(
    posts.map((p: { id: string }, i: number) => ({
      product: { product_id: created[i].id },
      blog: { post_id: p.id },
    })),
  )
  const a = await app.query.graph({
    entity: "product",
    fields: ["title", "post.title", "post.comments.*"],
    filters: { title: { $ilike: "%a%" } },
    pagination: { take: 5, order: { title: "ASC" } },
  })
  const b = await app.query.graph({
    entity: "post",
    fields: ["product.handle", "product_tags.value", "product_collection.title"],
  })
  const c = await app.query.graph({ entity: "product_collection_post", fields: ["*", "post.title"] })
  const d = await app.query.graph({
    entity: "product",
    fields: ["post.comments.post.product.collection.title"],
  })
  const e = await blog.listPosts({ status: "draft" }, { select: ["title", "comments.body"], take: 3 })
  return [a.data[0], b.data[0], c.data[0], d.data[0], e[0]]
}
