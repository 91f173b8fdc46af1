import type { App } from "../../app/index.ts"
import { untypedApp } from "../../app/untyped-app.ts"
import type { GraphInput } from "../../query/query-input.ts"
import { colors } from "../output/colors.ts"
import { heading } from "../output/heading.ts"
import { renderRecords } from "../output/record-table.ts"
import { formatCall } from "./format-call.ts"

/** The reads the demo shows: each is printed as the call, then its result as a table. */
const QUERIES: { title: string; note: string; input: GraphInput }[] = [
  {
    title: "query.graph across a link: products with their launch post (1:1)",
    note: "One SQL statement: the post comes through the link table product_product_blog_post.",
    input: {
      entity: "product",
      fields: ["title", "post.title", "post.status"],
      pagination: { take: 5, order: { title: "ASC" } },
    },
  },
  {
    title: "The same link from the other side: posts with their product, collection and tags",
    note: "Every link is traversable both ways; list sides come back as arrays.",
    input: {
      entity: "post",
      fields: ["title", "product.title", "product_collection.title", "product_tags.value"],
      pagination: { take: 5, order: { title: "ASC" } },
    },
  },
  {
    title: "A filter through the link: products whose launch post is a guide",
    note: "An EXISTS in the same statement. Medusa 2.21.2 filters through a link too on one database; both timed side by side in docs/comparison.md.",
    input: {
      entity: "product",
      fields: ["title", "post.title"],
      filters: { post: { title: { $ilike: "guide%" } } },
      pagination: { take: 5, order: { title: "ASC" } },
    },
  },
  {
    title: "One-to-many with nested pagination: each collection's first 3 posts",
    note: "The nested take applies per collection, in SQL.",
    input: {
      entity: "product_collection",
      fields: ["title", "posts.title"],
      nested: { posts: { take: 3, order: { title: "ASC" } } },
      pagination: { order: { title: "ASC" } },
    },
  },
  {
    title: "The link rows themselves, with their extra columns: pinned posts",
    note: "A link is an entity too (its entry point), with both sides as fields.",
    input: {
      entity: "product_collection_post",
      fields: ["position", "pinned", "product_collection.title", "post.title"],
      filters: { pinned: true },
      pagination: { order: { position: "ASC" } },
    },
  },
]

/** Prints each demo query; returns how many products the filter through the link matched. */
export async function showQueries(app: App, firstSection: number): Promise<number> {
  let filtered = 0
  for (const [i, { title, note, input }] of QUERIES.entries()) {
    console.log(heading(firstSection + i, title, note))
    console.log(colors.cyan(formatCall("query.graph", input)))
    const result = await untypedApp(app).query.graph(input)
    console.log(renderRecords(result.data, input.fields))
    if (result.metadata) {
      console.log(colors.dim(`${result.data.length} shown of ${result.metadata.count} (metadata.count)`))
      if (input.filters?.post) filtered = result.metadata.count
    }
  }
  return filtered
}
