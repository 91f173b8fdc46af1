import type { CreateInput, InferTypeOf } from "../../dml/infer.ts"
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

/** A product to create: as the model says, except that the handle may be left out. */
export type CreateProductInput = Omit<CreateInput<typeof Product>, "handle"> & { handle?: string }

interface CreateProducts {
  (data: readonly CreateProductInput[]): Promise<InferTypeOf<typeof Product>[]>
  (data: CreateProductInput): Promise<InferTypeOf<typeof Product>>
}

export class ProductModuleService extends GeneratedProductService {
  /** As in Medusa, a product given no handle gets one from its title (`"Blue Tee"` → `blue-tee`). */
  declare createProducts: CreateProducts
}

// On the prototype, like the generated methods, so a service bound to a transaction (which
// inherits from this one) runs it with its own `this`.
const generatedCreate = GeneratedProductService.prototype.createProducts as (
  data: unknown,
) => Promise<unknown>
Object.defineProperty(ProductModuleService.prototype, "createProducts", {
  value: async function createProducts(
    this: object,
    data: Record<string, unknown> | Record<string, unknown>[],
  ) {
    try {
      return await generatedCreate.call(this, withHandles(data))
    } catch (error) {
      throw duplicateHandleError(error)
    }
  },
  writable: true,
  configurable: true,
})
