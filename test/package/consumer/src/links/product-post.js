import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog/index.js"

export default defineLink(ProductModule.linkable.product, BlogModule.linkable.post)
