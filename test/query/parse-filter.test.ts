import { describe, expect, it } from "vitest"
import { parseFilter } from "../../src/query/parse/parse-filter.ts"
import { expectModlinkError } from "./fixtures/engine.ts"
import { fixtureGraph } from "./fixtures/schema.ts"

const graph = fixtureGraph()
const product = graph.entity("product")
const parse = (filters: unknown) => parseFilter(graph, product, filters)

describe("parse filters", () => {
  it("reads values, null, lists and operator objects", () => {
    expect(parse({ title: "x" })).toMatchObject({ kind: "compare", op: "$eq", value: "x" })
    expect(parse({ released_at: null })).toMatchObject({ kind: "compare", op: "$eq", value: null })
    expect(parse({ id: ["a", "b"] })).toMatchObject({ kind: "compare", op: "$in", value: ["a", "b"] })
    expect(parse({ rank: { $gte: 1, $lt: 3 } })).toMatchObject({
      kind: "and",
      items: [
        { op: "$gte", value: 1 },
        { op: "$lt", value: 3 },
      ],
    })
  })

  it("reads $and/$or at any level and relations as filters on their target", () => {
    const tree = parse({
      $or: [{ title: "a" }, { post: { $and: [{ views: { $gt: 1 } }, { comments: { body: "x" } }] } }],
    })
    expect(tree).toMatchObject({
      kind: "or",
      items: [
        { kind: "compare" },
        {
          kind: "related",
          target: { name: "post" },
          filter: { kind: "and", items: [{ kind: "compare" }, { kind: "related" }] },
        },
      ],
    })
  })

  it("reads a plain object on a json field as containment and a list on an array field as equality", () => {
    expect(parse({ metadata: { color: "red" } })).toMatchObject({ op: "$contains", value: '{"color":"red"}' })
    expect(parse({ tags: ["sale"] })).toMatchObject({ op: "$eq", value: ["sale"] })
  })

  it("coerces lossless values and keeps date strings for PostgreSQL to cast", () => {
    expect(parse({ title: 12 })).toMatchObject({ value: "12" })
    expect(parse({ price: "10.50" })).toMatchObject({ value: "10.50" })
    expect(parse({ released_at: { $gt: "2024-01-01" } })).toMatchObject({ value: "2024-01-01" })
    expect(parse({ released_at: { $gt: 0 } })).toMatchObject({ value: new Date(0) })
  })

  it("refuses a date string no date parser can read, before PostgreSQL sees it", async () => {
    await expectModlinkError(
      () => parse({ released_at: { $gt: "next tuesday-ish" } }),
      "INVALID_FILTER",
      /\$gt expects a Date or an ISO date string/,
      /released_at is a dateTime field/,
    )
  })

  it("names unknown fields with their entity and suggests the closest", async () => {
    await expectModlinkError(
      () => parse({ titel: "x" }),
      "UNKNOWN_FIELD",
      /"titel" of product/,
      /did you mean "title"/,
    )
    await expectModlinkError(
      () => parse({ post: { titel: "x" } }),
      "UNKNOWN_FIELD",
      /"titel" of post in filters.post/,
      /"title"/,
    )
  })

  it("refuses operators the field type cannot take", async () => {
    await expectModlinkError(
      () => parse({ rank: { $like: "1%" } }),
      "INVALID_FILTER",
      /\$like does not apply to number/,
      /\$gte/,
    )
    await expectModlinkError(
      () => parse({ published: { $gt: false } }),
      "INVALID_FILTER",
      /\$gt does not apply to boolean/,
    )
    await expectModlinkError(
      () => parse({ metadata: { $gt: 1 } }),
      "INVALID_FILTER",
      /\$gt does not apply to json/,
    )
    await expectModlinkError(() => parse({ price: { $ilike: "%" } }), "INVALID_FILTER", /bigNumber/)
  })

  it("refuses malformed filters and says what is valid", async () => {
    await expectModlinkError(
      () => parse({ title: { $weird: 1 } }),
      "INVALID_FILTER",
      /unknown operator "\$weird"/,
      /\$eq, \$ne/,
    )
    await expectModlinkError(() => parse("title = 'x'"), "INVALID_FILTER", /must be an object/, /\$or/)
    await expectModlinkError(
      () => parse([{ title: "x" }]),
      "INVALID_FILTER",
      /must be an object, got an array/,
    )
    await expectModlinkError(
      () => parse({ id: [{ a: 1 }] }),
      "INVALID_FILTER",
      /expects a string, got an object/,
    )
    await expectModlinkError(
      () => parse({ title: () => "x" }),
      "INVALID_FILTER",
      /a function is not a value|expects a string/,
    )
    await expectModlinkError(
      () => parse({ title: { nested: "x" } }),
      "INVALID_FILTER",
      /unknown operator "nested"/,
    )
    await expectModlinkError(() => parse({ title: {} }), "INVALID_FILTER", /empty/)
    await expectModlinkError(() => parse({ title: undefined }), "INVALID_FILTER", /undefined/)
    await expectModlinkError(() => parse({ $not: { title: "x" } }), "INVALID_FILTER", /combinator "\$not"/)
    await expectModlinkError(() => parse({ $or: { title: "x" } }), "INVALID_FILTER", /must be an array/)
    await expectModlinkError(
      () => parse({ post: "b1" }),
      "INVALID_FILTER",
      /relation "post" of product must be an object/,
    )
    await expectModlinkError(() => parse({ rank: { $in: 3 } }), "INVALID_FILTER", /\$in expects an array/)
    await expectModlinkError(() => parse({ rank: { $gt: null } }), "INVALID_FILTER", /does not take null/)
    await expectModlinkError(() => parse({ rank: { $gt: [1, 2] } }), "INVALID_FILTER", /single value/)
  })

  it("refuses values of the wrong type before any SQL runs", async () => {
    await expectModlinkError(() => parse({ title: { a: 1 } }), "INVALID_FILTER", /unknown operator "a"/)
    await expectModlinkError(
      () => parse({ title: { $eq: { a: 1 } } }),
      "INVALID_FILTER",
      /expects a string, got an object/,
    )
    await expectModlinkError(() => parse({ rank: "many" }), "INVALID_FILTER", /expects a number/)
    await expectModlinkError(() => parse({ published: "yes" }), "INVALID_FILTER", /expects true or false/)
    await expectModlinkError(() => parse({ released_at: true }), "INVALID_FILTER", /expects a Date/)
    await expectModlinkError(
      () => parse({ status: "archived" }),
      "INVALID_FILTER",
      /not one of its values/,
      /draft, published/,
    )
    await expectModlinkError(() => parse({ tags: { $eq: [{}] } }), "INVALID_FILTER", /array of strings/)
    await expectModlinkError(
      () => parse({ metadata: { deep: [1n] } }),
      "INVALID_FILTER",
      /expects a JSON value/,
    )
    await expectModlinkError(
      () => parse({ released_at: { $lt: -1.7e308 } }),
      "INVALID_FILTER",
      /expects a Date/,
    )
  })
})
