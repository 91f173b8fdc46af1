import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"
import { ProductOptionValue } from "./product-option-value.ts"

export const ProductVariant = model.define("product_variant", {
  id: model.id({ prefix: "variant" }).primaryKey(),
  title: model.text(),
  sku: model.text().unique().nullable(),
  barcode: model.text().nullable(),
  allow_backorder: model.boolean().default(false),
  manage_inventory: model.boolean().default(true),
  variant_rank: model.number().default(0),
  metadata: model.json().nullable(),
  product: model.belongsTo(() => Product, { mappedBy: "variants" }),
  options: model.manyToMany(() => ProductOptionValue, {
    mappedBy: "variants",
    pivotTable: "product_variant_option",
  }),
})
