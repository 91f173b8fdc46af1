import type { ExecArgs } from "modlink"

/**
 * Creates three products and a post for each, links them, and reads them back across the link.
 * Every call is typed from the app's models and links (modlink-env.d.ts).
 *   npx modlink exec ./src/scripts/seed.ts
 */
export default async function seed({ container }: ExecArgs) {
  const productService = container.resolve("product")
  const blogService = container.resolve("blog")
  const link = container.resolve("link")
  const query = container.resolve("query")

  const products = await productService.createProducts([
    { title: "Linen Shirt", handle: `linen-shirt-${Date.now()}` },
    { title: "Canvas Tote", handle: `canvas-tote-${Date.now()}` },
    { title: "Wool Scarf", handle: `wool-scarf-${Date.now()}` },
  ])
  const posts = await blogService.createPosts(
    products.map((p) => ({ title: `Why we love the ${p.title}`, published: true })),
  )
  await link.create(
    products.map((p, i) => ({
      product: { product_id: p.id },
      blog: { post_id: posts[i].id },
    })),
  )

  const { data } = await query.graph({
    entity: "product",
    fields: ["title", "post.title"],
    filters: { id: products.map((p) => p.id) },
  })
  for (const product of data) console.log(`${product.title} → ${product.post?.title}`)
  console.log(`Seeded ${products.length} products and ${posts.length} linked posts.`)
}
