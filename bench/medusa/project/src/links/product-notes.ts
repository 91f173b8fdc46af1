import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import BlogModule from "../modules/blog"

// 1:N product → notes; link.delete of a product soft-deletes its notes.
export default defineLink(ProductModule.linkable.product, {
  linkable: BlogModule.linkable.note,
  isList: true,
  deleteCascade: true,
})
