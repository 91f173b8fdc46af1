import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog/index.ts"

/**
 * One-to-many: a collection has a list of posts (isList on the post side), each in one collection.
 * The link rows carry their own data: the post's position in the collection and whether it is
 * pinned. Query fields: `product_collection.posts` and `post.product_collection`; the rows with
 * their extra columns are the entity `product_collection_post`.
 */
export default defineLink(
  ProductModule.linkable.productCollection,
  { linkable: BlogModule.linkable.post, isList: true },
  {
    database: {
      extraColumns: {
        position: { type: "integer", defaultValue: 0 },
        pinned: { type: "boolean", defaultValue: false },
      },
    },
  },
)
