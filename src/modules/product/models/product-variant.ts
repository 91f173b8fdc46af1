import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"
import { ProductOptionValue } from "./product-option-value.ts"

export const ProductVariant = model.define("product_variant", {
  id: model.id({ prefix: "variant" }).primaryKey(),
  title: model.text(),
  sku: model.text().unique().nullable(),
  barcode: model.text().unique().nullable(),
  ean: model.text().unique().nullable(),
  upc: model.text().unique().nullable(),
  allow_backorder: model.boolean().default(false),
  manage_inventory: model.boolean().default(true),
  hs_code: model.text().nullable(),
  origin_country: model.text().nullable(),
  mid_code: model.text().nullable(),
  material: model.text().nullable(),
  weight: model.float().nullable(),
  length: model.float().nullable(),
  height: model.float().nullable(),
  width: model.float().nullable(),
  thumbnail: model.text().nullable(),
  variant_rank: model.number().default(0).nullable(),
  metadata: model.json().nullable(),
  product: model.belongsTo((): typeof Product => Product, { mappedBy: "variants" }).nullable(),
  options: model.manyToMany((): typeof ProductOptionValue => ProductOptionValue, {
    mappedBy: "variants",
    pivotTable: "product_variant_option",
    joinColumn: "variant_id",
    inverseJoinColumn: "option_value_id",
  }),
})
