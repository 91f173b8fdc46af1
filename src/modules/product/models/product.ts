import { model } from "../../../dml/index.ts"
import { ProductCategory } from "./product-category.ts"
import { ProductCollection } from "./product-collection.ts"
import { ProductOption } from "./product-option.ts"
import { ProductProductOption } from "./product-product-option.ts"
import { ProductTag } from "./product-tag.ts"
import { ProductVariant } from "./product-variant.ts"

export const Product = model.define("product", {
  id: model.id({ prefix: "prod" }).primaryKey(),
  title: model.text().searchable(),
  handle: model.text().unique(),
  subtitle: model.text().nullable(),
  description: model.text().nullable(),
  is_giftcard: model.boolean().default(false),
  status: model.enum(["draft", "proposed", "published", "rejected"]).default("draft"),
  thumbnail: model.text().nullable(),
  weight: model.float().nullable(),
  length: model.float().nullable(),
  height: model.float().nullable(),
  width: model.float().nullable(),
  origin_country: model.text().nullable(),
  hs_code: model.text().nullable(),
  mid_code: model.text().nullable(),
  material: model.text().nullable(),
  external_id: model.text().nullable(),
  discountable: model.boolean().default(true),
  metadata: model.json().nullable(),
  variants: model.hasMany((): typeof ProductVariant => ProductVariant, { mappedBy: "product" }),
  options: model.manyToMany((): typeof ProductOption => ProductOption, {
    mappedBy: "products",
    pivotEntity: (): typeof ProductProductOption => ProductProductOption,
  }),
  tags: model.manyToMany((): typeof ProductTag => ProductTag, {
    mappedBy: "products",
    pivotTable: "product_tags",
  }),
  categories: model.manyToMany((): typeof ProductCategory => ProductCategory, {
    mappedBy: "products",
    pivotTable: "product_category_product",
  }),
  collection: model
    .belongsTo((): typeof ProductCollection => ProductCollection, { mappedBy: "products" })
    .nullable(),
})
