import { describe, expect, it } from "vitest"
import { isModlinkError } from "../../../src/errors/index.ts"
import { defineLink } from "../../../src/link/define-link.ts"
import { resolveLinks } from "../../../src/link/resolve-link.ts"
import type { ResolvedTableLink } from "../../../src/link/resolved-link.ts"
import { readExtraData } from "../../../src/link/service/extra-data.ts"
import { LinkGraph } from "../../../src/link/service/link-graph.ts"
import type { LinkInput } from "../../../src/link/service/link-input.ts"
import { matchLinks, pairMatcher } from "../../../src/link/service/match-link.ts"
import { readRecordIds } from "../../../src/link/service/record-ids.ts"
import { blogModule, productModule } from "../../support/link-modules.ts"

const { product } = productModule.linkable
const { post, comment } = blogModule.linkable

const graph = new LinkGraph(
  resolveLinks(
    [
      { handle: defineLink(product, post), file: "product-post.ts" },
      { handle: defineLink(post, product), file: "post-product.ts" },
      {
        handle: defineLink({ linkable: post, field: "product_id" }, product, { readOnly: true }),
        file: "ro.ts",
      },
      {
        handle: defineLink(product, comment, {
          database: {
            extraColumns: {
              sortOrder: { type: "integer", defaultValue: 0 },
              kind: { type: "enum", options: { items: ["a", "b"] } },
              at: { type: "datetime", nullable: true },
              meta: { type: "json", nullable: true },
              tags: { type: "array", nullable: true },
              big: { type: "bigint", nullable: true },
              blob: { type: "blob", nullable: true },
            },
          },
        }),
        file: "product-comment.ts",
      },
    ],
    [productModule, blogModule],
  ),
  [productModule, blogModule],
)

/** A matcher of its own per input: what one call of one pair does. */
const matchPair = (input: LinkInput, g: typeof graph, where: string) => pairMatcher(g)(input, where)

function errorOf(work: () => unknown) {
  try {
    work()
  } catch (error) {
    if (isModlinkError(error)) return error
    throw error
  }
  throw new Error("expected an error")
}

describe("matching an input to a link", () => {
  it("lets the key order pick between the two directions of the same models", () => {
    const forward = matchPair({ product: { product_id: "p" }, blog: { post_id: "x" } }, graph, "link.create")
    const reverse = matchPair({ blog: { post_id: "x" }, product: { product_id: "p" } }, graph, "link.create")
    expect([forward.link.entryPoint, forward.leftId, forward.rightId]).toEqual(["product_post", "p", "x"])
    expect([reverse.link.entryPoint, reverse.leftId, reverse.rightId]).toEqual(["post_product", "x", "p"])
    expect(forward.directionNote).toContain("post-product.ts")
  })

  it("accepts the reverse order when only one link joins the models", () => {
    const match = matchPair({ blog: { comment_id: "c" }, product: { product_id: "p" } }, graph, "link.create")
    expect([match.link.entryPoint, match.leftId, match.rightId]).toEqual(["product_comment", "p", "c"])
  })

  it("reuses a shape's link across the inputs of one call, and still checks each input", () => {
    const match = pairMatcher(graph)
    const first = match({ product: { product_id: "p1" }, blog: { post_id: "x1" } }, "input #0")
    const reverse = match({ blog: { post_id: "x2" }, product: { product_id: "p2" } }, "input #1")
    const second = match({ product: { product_id: "p3" }, blog: { post_id: "x3" } }, "input #2")
    expect([first.link.entryPoint, first.leftId, first.rightId]).toEqual(["product_post", "p1", "x1"])
    expect([reverse.link.entryPoint, reverse.leftId, reverse.rightId]).toEqual(["post_product", "x2", "p2"])
    expect([second.link.entryPoint, second.leftId, second.rightId]).toEqual(["product_post", "p3", "x3"])
    expect(
      errorOf(() => match({ product: { product_id: 7 }, blog: { post_id: "x4" } }, "input #3")).message,
    ).toContain("input #3: product.product_id must be a non-empty string id, got 7")
  })

  it("lists every link a one-sided input fits", () => {
    const links = matchLinks({ product: { product_id: "p" } }, graph, "link.list", false).map(
      (m) => m.link.entryPoint,
    )
    expect(links.sort()).toEqual(["post_product", "product_comment", "product_post"])
  })

  it("explains bad inputs", () => {
    expect(
      errorOf(() => matchPair({ product: { product_id: "p" } }, graph, "link.create")).message,
    ).toContain("must name two modules")
    expect(
      errorOf(() =>
        matchPair({ product: { product_id: "p", x: 1 }, blog: { post_id: "x" } }, graph, "link.create"),
      ).hint,
    ).toContain("keys of product: product_id")
    expect(
      errorOf(() => matchPair({ product: { product_id: "p" }, blog: { post_id: "" } }, graph, "link.create"))
        .message,
    ).toContain("non-empty string id")
    expect(
      errorOf(() =>
        matchPair({ product: { product_id: "p\0" }, blog: { post_id: "x" } }, graph, "link.create"),
      ).message,
    ).toContain("NUL")
    expect(
      errorOf(() =>
        matchPair({ product: { product_id: "p\udfff" }, blog: { post_id: "x" } }, graph, "link.create"),
      ).message,
    ).toContain("link.create: product.product_id contains a lone surrogate (not valid Unicode)")
    expect(errorOf(() => matchPair([] as never, graph, "link.create")).code).toBe("INVALID_INPUT")
  })
})

describe("extra column values", () => {
  const link = graph.tableLinks.find((l) => l.entryPoint === "product_comment") as ResolvedTableLink
  const read = (data: unknown) => readExtraData(data, link, "link.create")

  it("encodes values for the JSON parameter", () => {
    const values = read({
      sortOrder: 2,
      kind: "a",
      at: new Date("2026-01-02T03:04:05.678Z"),
      meta: { deep: [1, "x"] },
      tags: ["t"],
      big: 12345678901234567890n,
      blob: new Uint8Array([1, 255]),
    })
    expect(Object.fromEntries(values)).toEqual({
      sort_order: 2,
      kind: "a",
      at: "2026-01-02T03:04:05.678Z",
      meta: { deep: [1, "x"] },
      tags: ["t"],
      big: "12345678901234567890",
      blob: "\\x01ff",
    })
  })

  it("refuses values that do not fit the column, before any SQL", () => {
    for (const [data, message] of [
      [{ sortOrder: 1.5 }, "must be a integer value"],
      [{ sortOrder: 2 ** 31 }, "must be a integer value"],
      [{ kind: "c" }, "must be one of a, b"],
      [{ at: "yesterday" }, "must be a datetime value"],
      [{ meta: { text: "a\0b" } }, "must be a json value"],
      [{ tags: [1] }, "must be a array value"],
      [{ kind: null }, "cannot be null"],
      [{ sort_order: "1" }, "must be a integer value"],
      [{ nope: 1 }, 'has no extra column "nope"'],
      ["data", "data must be an object"],
    ] as const) {
      expect(errorOf(() => read(data)).message).toContain(message)
    }
  })
})

describe("records input of delete and restore", () => {
  it("reads ids per model and checks modules and keys", () => {
    const ids = readRecordIds(
      { product: { product_id: ["p1", "p1", "p2"] }, blog: { post_id: "x" } },
      graph,
      "delete",
    )
    expect([...ids]).toEqual([
      ["product.product", ["p1", "p2"]],
      ["blog.post", ["x"]],
    ])
    expect(errorOf(() => readRecordIds({ blog: { pots_id: "x" } }, graph, "delete")).hint).toContain(
      'did you mean "post_id"',
    )
  })
})
