import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import BlogModule from "../modules/blog"

// 1:1 product ↔ post; link.delete of a product soft-deletes its post (as in modlink's bench).
export default defineLink(ProductModule.linkable.product, {
  linkable: BlogModule.linkable.post,
  deleteCascade: true,
})
