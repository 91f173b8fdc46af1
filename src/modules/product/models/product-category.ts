import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"

export const ProductCategory = model.define("product_category", {
  id: model.id({ prefix: "pcat" }).primaryKey(),
  name: model.text().searchable(),
  handle: model.text().unique(),
  description: model.text().default(""),
  is_active: model.boolean().default(false),
  rank: model.number().default(0),
  metadata: model.json().nullable(),
  parent_category: model
    .belongsTo((): typeof ProductCategory => ProductCategory, { mappedBy: "category_children" })
    .nullable(),
  category_children: model.hasMany((): typeof ProductCategory => ProductCategory, {
    mappedBy: "parent_category",
  }),
  products: model.manyToMany((): typeof Product => Product, {
    mappedBy: "categories",
    pivotTable: "product_category_product",
  }),
})
