import { Module } from "../../module/index.ts"
import { ProductModuleService } from "./service.ts"

/** The built-in product module (`modlink/product`), named "product" like Medusa's. */
const ProductModule = Module("product", { service: ProductModuleService })

export default ProductModule
export { ProductModuleService }
