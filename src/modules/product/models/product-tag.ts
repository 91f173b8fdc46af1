import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"

export const ProductTag = model.define("product_tag", {
  id: model.id({ prefix: "ptag" }).primaryKey(),
  value: model.text(),
  metadata: model.json().nullable(),
  products: model.manyToMany((): typeof Product => Product, { mappedBy: "tags", pivotTable: "product_tags" }),
})
