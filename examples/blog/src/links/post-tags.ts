import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog/index.ts"

/**
 * Many-to-many: a post is tagged with many product tags, a tag is on many posts (isList on both
 * sides). Query fields: `post.product_tags` and `product_tag.posts`.
 */
export default defineLink(
  { linkable: BlogModule.linkable.post, isList: true },
  { linkable: ProductModule.linkable.productTag, isList: true },
)
