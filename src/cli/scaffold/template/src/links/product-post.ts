import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog/index.ts"

/**
 * A product has one post and a post one product. Stored in the table product_product_blog_post;
 * queried as `product.post` and `post.product`. After changing this file: npx modlink db:sync-links
 */
export default defineLink(ProductModule.linkable.product, BlogModule.linkable.post)
