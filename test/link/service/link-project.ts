import type { Database } from "../../../src/db/index.ts"
import { blogModuleFiles, configFile, linkFile } from "../../support/project.ts"

/**
 * The project most link service tests run on: product + blog, with
 * - product_post: 1:1, extra columns rank (default 0), note (nullable), meta (json, nullable);
 * - product_comment: a product has many comments, a comment one product; `position` is required;
 * - product_tag_post and post_product_tag: the same models linked in both directions.
 */
export const linkServiceProject = (): Record<string, string> => ({
  ...configFile(),
  ...blogModuleFiles(),
  "src/links/product-post.ts": linkFile(`ProductModule.linkable.product, BlogModule.linkable.post, {
  database: { extraColumns: {
    rank: { type: "integer", defaultValue: 0 },
    note: { type: "text", nullable: true },
    meta: { type: "json", nullable: true },
  } },
}`),
  "src/links/product-comment.ts":
    linkFile(`ProductModule.linkable.product, { linkable: BlogModule.linkable.comment, isList: true }, {
  database: { extraColumns: { position: { type: "integer" } } },
}`),
  "src/links/tag-post.ts": linkFile(
    "{ linkable: ProductModule.linkable.productTag, isList: true }, { linkable: BlogModule.linkable.post, isList: true }",
  ),
  "src/links/post-tag.ts": linkFile(
    "{ linkable: BlogModule.linkable.post, isList: true }, { linkable: ProductModule.linkable.productTag, isList: true }",
  ),
})

/** A third module, `review`, for cascades through three modules. */
export const reviewModuleFiles = (): Record<string, string> => ({
  "src/modules/review/models/review.ts": `
import { model } from "modlink"
export const Review = model.define("review", {
  id: model.id({ prefix: "rev" }).primaryKey(),
  body: model.text(),
})
`,
  "src/modules/review/service.ts": `
import { ModuleService } from "modlink"
import { Review } from "./models/review"
export default class ReviewService extends ModuleService({ Review }) {}
`,
  "src/modules/review/index.ts": `
import { Module } from "modlink"
import ReviewService from "./service"
export default Module("review", { service: ReviewService })
`,
})

const cascadeLink = (args: string) => `
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog"
import ReviewModule from "../modules/review"
import { defineLink } from "modlink"
export default defineLink(${args})
`

/**
 * product → posts → reviews → products, every arrow a `deleteCascade` (a cycle through three
 * modules), plus product ↔ comment without cascade. `reviewDatabase` puts review on its own database.
 */
export const cascadeProject = (reviewDatabase?: string): Record<string, string> => ({
  "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({
  modules: ["modlink/product", "./src/modules/blog", ${
    reviewDatabase
      ? `{ resolve: "./src/modules/review", databaseUrl: ${JSON.stringify(reviewDatabase)} }`
      : `"./src/modules/review"`
  }],
})
`,
  ...blogModuleFiles(),
  ...reviewModuleFiles(),
  "src/links/product-post.ts": cascadeLink(
    "ProductModule.linkable.product, { linkable: BlogModule.linkable.post, isList: true, deleteCascade: true }",
  ),
  "src/links/post-review.ts": cascadeLink(
    "BlogModule.linkable.post, { linkable: ReviewModule.linkable.review, isList: true, deleteCascade: true }",
  ),
  "src/links/review-product.ts": cascadeLink(
    "{ linkable: ReviewModule.linkable.review, isList: true }, { linkable: ProductModule.linkable.product, isList: true, deleteCascade: true }",
  ),
  "src/links/product-comment.ts": cascadeLink(
    "ProductModule.linkable.product, { linkable: BlogModule.linkable.comment, isList: true }",
  ),
})

/** Wraps a database so a test can count the statements it runs (inside transactions too). */
export function countStatements(db: Database): { db: Database; count(): number; transactions(): number } {
  let count = 0
  let transactions = 0
  const wrap = (target: Database): Database =>
    new Proxy(target, {
      get(object, property, receiver) {
        if (property === "query") {
          return (...args: Parameters<Database["query"]>) => {
            count++
            return object.query(...args)
          }
        }
        if (property === "transaction") {
          return <T>(work: (tx: Database) => Promise<T>) => {
            transactions++
            return object.transaction((tx) => work(wrap(tx)))
          }
        }
        const value = Reflect.get(object, property, receiver)
        return typeof value === "function" ? value.bind(object) : value
      },
    })
  return { db: wrap(db), count: () => count, transactions: () => transactions }
}
