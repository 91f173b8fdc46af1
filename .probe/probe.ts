import type { RelationsOf, InferTypeOf } from "../src/dml/infer.ts"
import { Product } from "../src/modules/product/models/product.ts"
import { ProductVariant } from "../src/modules/product/models/product-variant.ts"
import { ProductOption } from "../src/modules/product/models/product-option.ts"
type IsAny<T> = 0 extends 1 & T ? true : false
type R = RelationsOf<typeof Product>
export const checks: {
  variants: IsAny<R["variants"]["model"]>
  options: IsAny<R["options"]["model"]>
  tags: IsAny<R["tags"]["model"]>
  vprod: IsAny<RelationsOf<typeof ProductVariant>["product"]["model"]>
  vopts: IsAny<RelationsOf<typeof ProductVariant>["options"]["model"]>
  oprods: IsAny<RelationsOf<typeof ProductOption>["products"]["model"]>
  ovals: IsAny<RelationsOf<typeof ProductOption>["values"]["model"]>
  deep: IsAny<InferTypeOf<RelationsOf<RelationsOf<typeof Product>["variants"]["model"]>["options"]["model"]>>
} = null!
export const x: { a: 1 } = checks
