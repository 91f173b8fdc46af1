/**
 * The guide's type check (`type-check.ts`) on the example app: a run block that is right passes,
 * and a typo in an entity, a field path, a filter or a link key fails, named at the page's line.
 */
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { REPO } from "../cli/run-cli.ts"
import { execScript } from "./code-blocks.ts"
import { checkSnapshot, snapshotProject } from "./type-check.ts"

const EXAMPLE = join(REPO, "examples", "blog")

/** Errors of `code` as a ```ts run``` block whose fence is on line 10 of page.md, in the example. */
function check(code: string): string[] {
  const script = execScript(code)
  const file = join(EXAMPLE, ".docs-test", "block.ts")
  const snapshot = snapshotProject(
    EXAMPLE,
    new Map(),
    new Map([[file, { code: script.text, origin: { fence: 10, blockLine: script.blockLine } }]]),
  )
  return checkSnapshot("page.md", snapshot)
}

describe("the guide's type check", { timeout: 300_000 }, () => {
  it("passes a block that is right, with its own imports", () => {
    expect(
      check(
        [
          'import { isModlinkError } from "modlink"',
          "",
          'const { data } = await query.graph({ entity: "product", fields: ["title", "post.title"] })',
          "console.log(data[0].post?.title)",
          'await link.create({ product: { product_id: "p" }, blog: { post_id: "x" } })',
          'try { await container.resolve("blog").listPosts({ status: "draft" }) } catch (e) { if (isModlinkError(e)) console.log(e.code) }',
          "",
        ].join("\n"),
      ),
    ).toEqual([])
  })

  it("fails each typo at the page's line", () => {
    const errors = check(
      [
        'import { isModlinkError } from "modlink"',
        'await query.graph({ entity: "prodcut", fields: ["title"] })',
        'await query.graph({ entity: "product", fields: ["post.titel"] })',
        'await query.graph({ entity: "product", fields: ["title"], filters: { weight: { $ilike: "x" } } })',
        'await link.create({ product: { product_id: "p" }, blog: { psot_id: "x" } })',
        'container.resolve("blgo")',
        "void isModlinkError",
        "",
      ].join("\n"),
    )
    const lines = new Set(errors.map((error) => error.slice(0, error.indexOf(": "))))
    expect([...lines]).toEqual([
      "docs/page.md:12",
      "docs/page.md:13",
      "docs/page.md:14",
      "docs/page.md:15",
      "docs/page.md:16",
    ])
    expect(errors.find((error) => error.startsWith("docs/page.md:13"))).toContain('"post.titel"')
  })
})
