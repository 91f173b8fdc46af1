/**
 * What a module exposes for each data model so links can name it without importing the model:
 * `BlogModule.linkable.post` → `{ serviceName: "blog", field: "post", linkable: "post_id",
 * primaryKey: "id", entity: "Post" }`.
 */
export interface Linkable {
  /** Module name (first argument of `Module`). */
  serviceName: string
  /** Model name in camel case (`post`, `productVariant`). */
  field: string
  /** Key column a link table uses for this model (`post_id`, `product_variant_id`). */
  linkable: string
  /** Primary key property of the model. */
  primaryKey: string
  /** Model name in Pascal case (`Post`, `ProductVariant`). */
  entity: string
}
