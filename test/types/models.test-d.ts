/** Records and inputs from models (issue 12, item 1): every DML type, modifiers, relationships. */
import { type CreateInput, type InferTypeOf, model, type UpdateInput } from "modlink"
import { describe, expectTypeOf, test } from "vitest"
import type { Comment } from "../../examples/blog/src/modules/blog/models/comment.ts"
import type { Post } from "../../examples/blog/src/modules/blog/models/post.ts"
import type { CamelCase, Plural, SnakeCase } from "../../src/dml/type-names.ts"
import type { Product } from "../../src/modules/product/models/product.ts"
import type { ProductVariant } from "../../src/modules/product/models/product-variant.ts"

const Everything = model.define("everything", {
  id: model.id({ prefix: "ev" }).primaryKey(),
  text: model.text(),
  number: model.number(),
  big: model.bigNumber(),
  float: model.float(),
  flag: model.boolean(),
  at: model.dateTime(),
  doc: model.json(),
  kind: model.enum(["a", "b"]),
  tags: model.array(),
  maybe: model.text().nullable(),
  counted: model.number().default(0),
  seen: model.dateTime().nullable().index(),
  code: model.text().unique().searchable(),
})
type Record_ = InferTypeOf<typeof Everything>

describe("InferTypeOf", () => {
  test("maps every DML type", () => {
    expectTypeOf<Record_["id"]>().toEqualTypeOf<string>()
    expectTypeOf<Record_["text"]>().toEqualTypeOf<string>()
    expectTypeOf<Record_["number"]>().toEqualTypeOf<number>()
    expectTypeOf<Record_["big"]>().toEqualTypeOf<number>()
    expectTypeOf<Record_["float"]>().toEqualTypeOf<number>()
    expectTypeOf<Record_["flag"]>().toEqualTypeOf<boolean>()
    expectTypeOf<Record_["at"]>().toEqualTypeOf<Date>()
    expectTypeOf<Record_["doc"]>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<Record_["kind"]>().toEqualTypeOf<"a" | "b">()
    expectTypeOf<Record_["tags"]>().toEqualTypeOf<string[]>()
    expectTypeOf<Record_["maybe"]>().toEqualTypeOf<string | null>()
    expectTypeOf<Record_["counted"]>().toEqualTypeOf<number>()
    expectTypeOf<Record_["seen"]>().toEqualTypeOf<Date | null>()
    expectTypeOf<Record_["code"]>().toEqualTypeOf<string>()
  })

  test("adds the timestamps", () => {
    expectTypeOf<Record_["created_at"]>().toEqualTypeOf<Date>()
    expectTypeOf<Record_["updated_at"]>().toEqualTypeOf<Date>()
    expectTypeOf<Record_["deleted_at"]>().toEqualTypeOf<Date | null>()
  })

  test("the example's Post, exactly", () => {
    expectTypeOf<InferTypeOf<typeof Post>>().toEqualTypeOf<{
      id: string
      title: string
      body: string
      status: "draft" | "published"
      views: number
      created_at: Date
      updated_at: Date
      deleted_at: Date | null
    }>()
  })

  test("belongsTo adds <name>_id; nullable belongsTo a nullable one", () => {
    expectTypeOf<InferTypeOf<typeof Comment>["post_id"]>().toEqualTypeOf<string>()
    expectTypeOf<InferTypeOf<typeof Product>["collection_id"]>().toEqualTypeOf<string | null>()
    expectTypeOf<InferTypeOf<typeof ProductVariant>["product_id"]>().toEqualTypeOf<string | null>()
  })

  test("relationships themselves are not columns", () => {
    expectTypeOf<InferTypeOf<typeof Post>>().not.toHaveProperty("comments")
    expectTypeOf<InferTypeOf<typeof Comment>>().not.toHaveProperty("post")
    expectTypeOf<InferTypeOf<typeof Product>>().not.toHaveProperty("variants")
  })

  test("a wrong default is an error", () => {
    // @ts-expect-error "archived" is not one of the enum's values
    model.enum(["draft", "published"]).default("archived")
    // @ts-expect-error a number property defaults to a number
    model.number().default("0")
    model.boolean().default(() => true)
  })
})

describe("create and update inputs", () => {
  test("defaulted, nullable and generated fields are optional", () => {
    expectTypeOf<CreateInput<typeof Post>>().toEqualTypeOf<{
      title: string
      body: string
      id?: string
      status?: "draft" | "published"
      views?: number
    }>()
    expectTypeOf<CreateInput<typeof Comment>>().toEqualTypeOf<{
      author: string
      body: string
      post_id: string
      id?: string
    }>()
    expectTypeOf<CreateInput<typeof Product>["collection_id"]>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<CreateInput<typeof Product>["subtitle"]>().toEqualTypeOf<string | null | undefined>()
  })

  test("inputs accept what the runtime accepts", () => {
    expectTypeOf<CreateInput<typeof Everything>["at"]>().toEqualTypeOf<Date | string>()
    expectTypeOf<CreateInput<typeof Everything>["big"]>().toEqualTypeOf<number | string>()
    expectTypeOf<CreateInput<typeof Everything>["tags"]>().toEqualTypeOf<readonly (string | number)[]>()
  })

  test("update needs the id; everything else is optional", () => {
    expectTypeOf<UpdateInput<typeof Post>>().toEqualTypeOf<{
      id: string
      title?: string
      body?: string
      status?: "draft" | "published"
      views?: number
    }>()
    // @ts-expect-error the id is required
    const missing: UpdateInput<typeof Post> = { title: "x" }
    // @ts-expect-error timestamps are modlink's
    const stamped: CreateInput<typeof Post> = { title: "x", body: "y", created_at: new Date() }
    void [missing, stamped]
  })
})

describe("names the types derive, as names.ts derives them at run time", () => {
  test("camel, snake and plural spellings", () => {
    expectTypeOf<CamelCase<"product_variant">>().toEqualTypeOf<"productVariant">()
    expectTypeOf<CamelCase<"ProductVariant">>().toEqualTypeOf<"productVariant">()
    expectTypeOf<SnakeCase<"productOptionValue">>().toEqualTypeOf<"product_option_value">()
    expectTypeOf<Plural<"ProductCategory">>().toEqualTypeOf<"ProductCategories">()
    expectTypeOf<Plural<"Address">>().toEqualTypeOf<"Addresses">()
    expectTypeOf<Plural<"BlogPerson">>().toEqualTypeOf<"BlogPeople">()
    expectTypeOf<Plural<"Box">>().toEqualTypeOf<"Boxes">()
    expectTypeOf<Plural<"Day">>().toEqualTypeOf<"Days">()
    expectTypeOf<Plural<"Metadata">>().toEqualTypeOf<"Metadata">()
    expectTypeOf<Plural<"product_tag">>().toEqualTypeOf<"product_tags">()
  })
})
