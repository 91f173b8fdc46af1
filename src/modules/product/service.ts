import { ModuleService } from "../../module/index.ts"
import { Product } from "./models/product.ts"
import { ProductCategory } from "./models/product-category.ts"
import { ProductCollection } from "./models/product-collection.ts"
import { ProductOption } from "./models/product-option.ts"
import { ProductOptionValue } from "./models/product-option-value.ts"
import { ProductProductOption } from "./models/product-product-option.ts"
import { ProductTag } from "./models/product-tag.ts"
import { ProductVariant } from "./models/product-variant.ts"

export class ProductModuleService extends ModuleService({
  Product,
  ProductVariant,
  ProductOption,
  ProductOptionValue,
  ProductProductOption,
  ProductCategory,
  ProductCollection,
  ProductTag,
}) {}
