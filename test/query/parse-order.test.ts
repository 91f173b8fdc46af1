import { describe, expect, it } from "vitest"
import { parseQuery } from "../../src/query/parse/parse-query.ts"
import type { GraphInput } from "../../src/query/query-input.ts"
import { expectModlinkError } from "./fixtures/engine.ts"
import { fixtureGraph } from "./fixtures/schema.ts"

const graph = fixtureGraph()
const parse = (input: Partial<GraphInput>) =>
  parseQuery(graph, { entity: "product", fields: ["title"], ...input })
const terms = (input: Partial<GraphInput>) =>
  parse(input).root.order.map(
    (t) => `${[...t.edges.map((e) => e.name), t.field.name].join(".")} ${t.direction}`,
  )

describe("parse order and pagination", () => {
  it("keeps the written order, accepts either case, and ends on the primary key", () => {
    expect(terms({ pagination: { order: { rank: "desc", title: "ASC" } } })).toEqual([
      "rank DESC",
      "title ASC",
      "id ASC",
    ])
    expect(terms({ pagination: { order: { id: "DESC" } } })).toEqual(["id DESC"])
  })

  it("orders through single-valued relations, nested or dotted", () => {
    expect(terms({ pagination: { order: { post: { title: "DESC" } } } })).toEqual([
      "post.title DESC",
      "id ASC",
    ])
    expect(terms({ pagination: { order: { "post.title": "DESC" } } })).toEqual(["post.title DESC", "id ASC"])
  })

  it("adds the tiebreaker when paginating without an order, and sorts nothing otherwise", () => {
    expect(terms({ pagination: { take: 5 } })).toEqual(["id ASC"])
    expect(terms({})).toEqual([])
  })

  it("refuses ordering by a list-valued relation", async () => {
    await expectModlinkError(
      () => parse({ pagination: { order: { variants: { title: "ASC" } } } }),
      "INVALID_INPUT",
      /"variants" of product is a list/,
    )
    await expectModlinkError(
      () => parse({ pagination: { order: { "categories.name": "ASC" } } }),
      "INVALID_INPUT",
      /is a list/,
    )
  })

  it("refuses unknown fields and directions", async () => {
    await expectModlinkError(
      () => parse({ pagination: { order: { titel: "ASC" } } }),
      "UNKNOWN_FIELD",
      /"titel"/,
      /did you mean "title"/,
    )
    await expectModlinkError(
      () => parse({ pagination: { order: { title: "UP" } } }),
      "INVALID_INPUT",
      /Invalid direction/,
      /ASC/,
    )
    await expectModlinkError(
      () => parse({ pagination: { order: "title" as never } }),
      "INVALID_INPUT",
      /must be an object/,
    )
  })

  it("requires skip and take to be non-negative integers", async () => {
    for (const bad of [-1, 1.5, "10", Number.NaN, null]) {
      await expectModlinkError(
        () => parse({ pagination: { take: bad as never } }),
        "INVALID_INPUT",
        /take must be a non-negative integer/,
      )
      await expectModlinkError(
        () => parse({ pagination: { skip: bad as never } }),
        "INVALID_INPUT",
        /skip must be a non-negative integer/,
      )
    }
    expect(parse({ pagination: { skip: 0, take: 0 } }).page).toEqual({ skip: 0, take: 0 })
  })

  it("checks nested options against the selected relations", async () => {
    await expectModlinkError(
      () => parse({ nested: { variants: { take: 1 } } }),
      "INVALID_INPUT",
      /not select/,
    )
    await expectModlinkError(
      () => parse({ fields: ["post.title"], nested: { post: { take: 1 } } }),
      "INVALID_INPUT",
      /single record/,
    )
    await expectModlinkError(
      () => parse({ fields: ["variants.title"], nested: { variants: { limit: 1 } as never } }),
      "INVALID_INPUT",
      /Unknown option "limit"/,
    )
    await expectModlinkError(
      () => parse({ fields: ["variants.title"], nested: { variants: { take: -2 } } }),
      "INVALID_INPUT",
      /take/,
    )
    const nested = parse({
      fields: ["variants.title"],
      nested: { variants: { take: 2, order: { title: "DESC" } } },
    })
    const variants = nested.root.children[0].selection
    expect(variants.take).toBe(2)
    expect(variants.order.map((t) => t.field.name)).toEqual(["title", "id"])
  })

  it("refuses a non-boolean withDeleted and unknown pagination options", async () => {
    await expectModlinkError(() => parse({ withDeleted: "yes" as never }), "INVALID_INPUT", /withDeleted/)
    await expectModlinkError(
      () => parse({ pagination: { limit: 3 } as never }),
      "INVALID_INPUT",
      /Unknown option "limit"/,
      /take/,
    )
  })
})
