import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"
import { ProductOptionValue } from "./product-option-value.ts"
import { ProductProductOption } from "./product-product-option.ts"

export const ProductOption = model.define("product_option", {
  id: model.id({ prefix: "opt" }).primaryKey(),
  title: model.text(),
  /** An exclusive option belongs to one product; the others are shared by title. */
  is_exclusive: model.boolean().default(false),
  metadata: model.json().nullable(),
  products: model.manyToMany((): typeof Product => Product, {
    mappedBy: "options",
    pivotEntity: (): typeof ProductProductOption => ProductProductOption,
  }),
  values: model.hasMany((): typeof ProductOptionValue => ProductOptionValue, { mappedBy: "option" }),
})
