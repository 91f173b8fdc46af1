import { describe, expect, it } from "vitest"
import { parseQuery } from "../../src/query/parse/parse-query.ts"
import type { Selection } from "../../src/query/parse/selection.ts"
import { expectModlinkError } from "./fixtures/engine.ts"
import { fixtureGraph } from "./fixtures/schema.ts"

const graph = fixtureGraph()
const parse = (fields: unknown, entity = "product") =>
  parseQuery(graph, { entity, fields: fields as string[] }).root
const names = (selection: Selection) => selection.fields.map((field) => field.name)
const child = (selection: Selection, name: string) =>
  selection.children.find((c) => c.edge.name === name)!.selection

describe("parse fields", () => {
  it('reads "*" as every scalar field, primary key first', () => {
    const root = parse(["*"])
    expect(names(root)[0]).toBe("id")
    expect(names(root)).toContain("released_at")
    expect(names(root)).toContain("deleted_at")
    expect(root.children).toEqual([])
  })

  it("always includes the primary key and drops duplicates", () => {
    expect(names(parse(["title", "title", "rank"]))).toEqual(["id", "title", "rank"])
  })

  it('reads a relation named alone as all its fields, like "post.*"', () => {
    const alone = child(parse(["post"]), "post")
    const star = child(parse(["post.*"]), "post")
    expect(names(alone)).toEqual(names(star))
    expect(names(alone)).toContain("title")
  })

  it("follows paths of any depth and merges paths through the same relation", () => {
    const root = parse(["variants.title", "variants.options.value", "variants.options.id"])
    const variants = child(root, "variants")
    expect(names(variants)).toEqual(["id", "title"])
    expect(variants.path).toBe("variants")
    const options = child(variants, "options")
    expect(names(options)).toEqual(["id", "value"])
    expect(options.path).toBe("variants.options")
  })

  it("accepts link entry points and both of their sides", () => {
    const root = parse(["featured", "product.title", "post.title"], "product_post")
    expect(names(root)).toEqual(["id", "featured"])
    expect(root.children.map((c) => c.edge.name)).toEqual(["product", "post"])
  })

  it("names an unknown entity and suggests the closest", async () => {
    await expectModlinkError(
      () => parse(["*"], "prodcut"),
      "UNKNOWN_ENTITY",
      /Unknown entity "prodcut"/,
      /did you mean "product"/,
    )
  })

  it("names an unknown field with its entity and suggests the closest", async () => {
    await expectModlinkError(
      () => parse(["titel"]),
      "UNKNOWN_FIELD",
      /"titel" of product/,
      /did you mean "title"/,
    )
    await expectModlinkError(
      () => parse(["post.titel"]),
      "UNKNOWN_FIELD",
      /"titel" of post/,
      /did you mean "title"/,
    )
  })

  it("names an unknown relation in the middle of a path", async () => {
    await expectModlinkError(
      () => parse(["variant.title"]),
      "UNKNOWN_FIELD",
      /"variant" of product/,
      /did you mean "variants"/,
    )
    await expectModlinkError(
      () => parse(["title.length"]),
      "UNKNOWN_FIELD",
      /relation "title" of product/,
      /scalar field/,
    )
  })

  it("refuses fields that are not a non-empty list of paths", async () => {
    await expectModlinkError(() => parse("title"), "INVALID_INPUT", /non-empty array/)
    await expectModlinkError(() => parse([]), "INVALID_INPUT", /non-empty array/)
    await expectModlinkError(() => parse([42]), "INVALID_INPUT", /Invalid field path 42/)
  })
})
