/**
 * Seeds the example: collections and tags (product module), products, one launch post per product
 * with two comments (blog module), then links them all in one `link.create` call.
 *
 *   npx modlink exec ./src/scripts/seed.ts [products]
 *
 * `modlink demo` runs the same `seed` function and shows its steps as progress.
 */

interface Container {
  resolve(name: string): any
}

export interface SeedOptions {
  /** Number of products; each gets a launch post. Default 120. */
  products?: number
  /** Called before each step, so a caller can show progress. */
  onStep?: (step: string) => void
}

export interface SeedResult {
  collections: number
  tags: number
  products: number
  posts: number
  comments: number
  links: number
}

const COLORS = ["Linen", "Indigo", "Charcoal", "Sand", "Olive", "Rust", "Ivory", "Navy"]
const THINGS = ["Shirt", "Jacket", "Tote", "Sneaker", "Scarf", "Cap", "Mug", "Lamp", "Notebook", "Backpack"]
const KINDS = ["Review", "Guide", "Launch", "Hands-on", "Story"]
const COLLECTIONS = ["Spring", "Summer", "Autumn", "Winter"]
const TAGS = ["cotton", "recycled", "handmade", "bestseller", "limited", "gift"]

export async function seed(container: Container, options: SeedOptions = {}): Promise<SeedResult> {
  const count = options.products ?? 120
  const step = options.onStep ?? (() => {})
  const products = container.resolve("product")
  const blog = container.resolve("blog")
  const link = container.resolve("link")

  step("collections and tags")
  const collections = await products.createProductCollections(
    COLLECTIONS.map((title) => ({ title, handle: title.toLowerCase() })),
  )
  const tags = await products.createProductTags(TAGS.map((value) => ({ value })))

  step(`${count} products`)
  const created = await products.createProducts(
    Array.from({ length: count }, (_, i) => ({
      title: `${COLORS[i % COLORS.length]} ${THINGS[Math.floor(i / COLORS.length) % THINGS.length]} ${i + 1}`,
      handle: `product-${i + 1}`,
      status: "published",
    })),
  )

  step(`${count} posts`)
  const posts = await blog.createPosts(
    created.map((product: { title: string }, i: number) => ({
      title: `${KINDS[i % KINDS.length]}: ${product.title}`,
      body: `Everything about the ${product.title}.`,
      status: i % 4 === 3 ? "draft" : "published",
      views: (i * 37) % 1000,
    })),
  )

  step(`${count * 2} comments`)
  const comments = await blog.createComments(
    posts.flatMap((post: { id: string }, i: number) => [
      { post_id: post.id, author: "ana", body: `First! (${i + 1})` },
      { post_id: post.id, author: "bo", body: "Bought it, love it." },
    ]),
  )

  step("links, in one link.create call")
  const pairs = posts.flatMap((post: { id: string }, i: number) => [
    // product ↔ post, 1:1: each product's launch post.
    { product: { product_id: created[i].id }, blog: { post_id: post.id } },
    // collection → posts, 1:N, with the link's extra columns in `data`.
    {
      product: { product_collection_id: collections[i % collections.length].id },
      blog: { post_id: post.id },
      data: { position: Math.floor(i / collections.length), pinned: i < collections.length },
    },
    // post ↔ tags, N:N: two tags per post.
    { blog: { post_id: post.id }, product: { product_tag_id: tags[i % tags.length].id } },
    { blog: { post_id: post.id }, product: { product_tag_id: tags[(i + 1) % tags.length].id } },
  ])
  await link.create(pairs)

  return {
    collections: collections.length,
    tags: tags.length,
    products: created.length,
    posts: posts.length,
    comments: comments.length,
    links: pairs.length,
  }
}

export default async function run({ container, args }: { container: Container; args: string[] }) {
  const products = args[0] ? Number(args[0]) : undefined
  const result = await seed(container, { products, onStep: (s) => console.log(`seeding ${s}`) })
  console.log(`seeded ${JSON.stringify(result)}`)
}
