import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog/index.ts"

/**
 * One-to-one: every product has one launch post, and a post launches one product.
 * deleteCascade on the post side: `link.delete` of a product soft-deletes its launch post too.
 * Query fields: `product.post` and `post.product`. Table: product_product_blog_post.
 */
export default defineLink(ProductModule.linkable.product, {
  linkable: BlogModule.linkable.post,
  deleteCascade: true,
})
