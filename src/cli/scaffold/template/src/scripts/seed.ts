/**
 * Creates three products and a post for each, links them, and reads them back across the link.
 *   npx modlink exec ./src/scripts/seed.ts
 */
export default async function seed({ container }: { container: { resolve(name: string): any } }) {
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
    products.map((p: { title: string }) => ({ title: `Why we love the ${p.title}`, published: true })),
  )
  await link.create(
    products.map((p: { id: string }, i: number) => ({
      product: { product_id: p.id },
      blog: { post_id: posts[i].id },
    })),
  )

  const { data } = await query.graph({
    entity: "product",
    fields: ["title", "post.title"],
    filters: { id: products.map((p: { id: string }) => p.id) },
  })
  for (const product of data) console.log(`${product.title} → ${product.post?.title}`)
  console.log(`Seeded ${products.length} products and ${posts.length} linked posts.`)
}
