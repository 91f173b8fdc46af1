/**
 * What a module exposes for each data model so links can name it without importing the model:
 * `BlogModule.linkable.post` → `{ serviceName: "blog", field: "post", linkable: "post_id",
 * primaryKey: "id", entity: "Post" }`.
 */
export interface Linkable<
  Module extends string = string,
  Field extends string = string,
  Key extends string = string,
  PrimaryKey extends string = string,
  Entity extends string = string,
> {
  /** Module name (first argument of `Module`). */
  serviceName: Module
  /** Model name in camel case (`post`, `productVariant`). */
  field: Field
  /** Key column a link table uses for this model (`post_id`, `product_variant_id`). */
  linkable: Key
  /** Primary key property of the model. */
  primaryKey: PrimaryKey
  /** Model name in Pascal case (`Post`, `ProductVariant`). */
  entity: Entity
}
