import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"
import { ProductOptionValue } from "./product-option-value.ts"

export const ProductOption = model.define("product_option", {
  id: model.id({ prefix: "opt" }).primaryKey(),
  title: model.text(),
  metadata: model.json().nullable(),
  product: model.belongsTo(() => Product, { mappedBy: "options" }),
  values: model.hasMany(() => ProductOptionValue, { mappedBy: "option" }),
})
