import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"

export const ProductCollection = model.define("product_collection", {
  id: model.id({ prefix: "pcol" }).primaryKey(),
  title: model.text(),
  handle: model.text().unique(),
  metadata: model.json().nullable(),
  products: model.hasMany((): typeof Product => Product, { mappedBy: "collection" }),
})
