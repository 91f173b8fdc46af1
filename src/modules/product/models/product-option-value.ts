import { model } from "../../../dml/index.ts"
import { ProductOption } from "./product-option.ts"
import { ProductVariant } from "./product-variant.ts"

export const ProductOptionValue = model.define("product_option_value", {
  id: model.id({ prefix: "optval" }).primaryKey(),
  value: model.text(),
  rank: model.number().nullable(),
  metadata: model.json().nullable(),
  option: model.belongsTo((): typeof ProductOption => ProductOption, { mappedBy: "values" }).nullable(),
  variants: model.manyToMany((): typeof ProductVariant => ProductVariant, {
    mappedBy: "options",
    pivotTable: "product_variant_option",
    joinColumn: "option_value_id",
    inverseJoinColumn: "variant_id",
  }),
})
