// Plain Node, no TypeScript loader: the installed package's built JavaScript.
import { createApp } from "modlink"

const app = await createApp({ cwd: process.cwd() })
try {
  const [product] = await app.resolve("product").createProducts([{ title: "Desk Lamp" }])
  const [post] = await app.resolve("blog").createPosts([{ title: "Why we love the Desk Lamp" }])
  await app.link.create({ product: { product_id: product.id }, blog: { post_id: post.id } })
  const { data } = await app.query.graph({
    entity: "product",
    fields: ["title", "post.title"],
    filters: { id: product.id },
  })
  console.log(JSON.stringify(data))
} finally {
  await app.close()
}
