import { ModuleService } from "../../module/index.ts"
import { Product } from "./models/product.ts"
import { ProductCategory } from "./models/product-category.ts"
import { ProductCollection } from "./models/product-collection.ts"
import { ProductOption } from "./models/product-option.ts"
import { ProductOptionValue } from "./models/product-option-value.ts"
import { ProductProductOption } from "./models/product-product-option.ts"
import { ProductTag } from "./models/product-tag.ts"
import { ProductVariant } from "./models/product-variant.ts"
import { duplicateHandleError, withHandles } from "./product-handle.ts"

const GeneratedProductService = ModuleService({
  Product,
  ProductVariant,
  ProductOption,
  ProductOptionValue,
  ProductProductOption,
  ProductCategory,
  ProductCollection,
  ProductTag,
})

export class ProductModuleService extends GeneratedProductService {
  /** As in Medusa, a product given no handle gets one from its title (`"Blue Tee"` → `blue-tee`). */
  async createProducts(data: Record<string, unknown> | Record<string, unknown>[]) {
    try {
      return await super.createProducts(withHandles(data))
    } catch (error) {
      throw duplicateHandleError(error)
    }
  }
}
