import { model } from "../../../dml/index.ts"
import { ProductOption } from "./product-option.ts"
import { ProductVariant } from "./product-variant.ts"

export const ProductOptionValue = model.define("product_option_value", {
  id: model.id({ prefix: "optval" }).primaryKey(),
  value: model.text(),
  metadata: model.json().nullable(),
  option: model.belongsTo(() => ProductOption, { mappedBy: "values" }),
  variants: model.manyToMany(() => ProductVariant, {
    mappedBy: "options",
    pivotTable: "product_variant_option",
  }),
})
