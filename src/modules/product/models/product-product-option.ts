import { model } from "../../../dml/index.ts"
import { Product } from "./product.ts"
import { ProductOption } from "./product-option.ts"

/**
 * Which options a product uses. Options are shared between products (Medusa 2.x), so the pivot is
 * a model of its own, with an id and soft delete, as Medusa stores it.
 */
export const ProductProductOption = model.define("product_product_option", {
  id: model.id({ prefix: "prodopt" }).primaryKey(),
  product: model.belongsTo((): typeof Product => Product),
  product_option: model.belongsTo((): typeof ProductOption => ProductOption),
})
