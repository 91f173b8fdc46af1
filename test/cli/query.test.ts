import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { normalizeOutput } from "../docs/code-blocks.ts"
import { runCli, show } from "./run-cli.ts"

/** One demo app (40 products) shared by the links, query and exit-code checks. */
describe("modlink links, query and exit codes on the demo app", () => {
  let root: string
  let app: string
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "modlink-query-"))
    app = join(root, "shop")
    const demo = await runCli(["demo", "--dir", "shop", "--products", "40"], { cwd: root })
    if (demo.code !== 0) throw new Error(show(demo))
  }, 180_000)
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it("links: direction, cardinality, cascade, extra columns and live row counts", async () => {
    const result = await runCli(["links"], { cwd: app })
    expect(result.code, show(result)).toBe(0)
    const out = normalizeOutput(result.stdout)
    expect(out).toContain("LINK CARD. CASCADE EXTRA COLUMNS ROWS TABLE")
    // the demo deleted two products and, by cascade, their posts and links
    expect(out).toContain("product.product <> blog.post 1:1 product → post — 38 product_product_blog_post")
    expect(out).toContain(
      "product.product_collection <> blog.post 1:N — position integer, pinned boolean 38 product_product_collection_blog_post",
    )
    expect(out).toContain("product_post: product.post, post.product")
  })

  it("links --json", async () => {
    const result = await runCli(["links", "--json"], { cwd: app })
    const links = JSON.parse(result.stdout)
    expect(links.map((l: { cardinality: string }) => l.cardinality).sort()).toEqual(["1:1", "1:N", "N:N"])
    expect(links.find((l: { entryPoint: string }) => l.entryPoint === "post_product_tag").rows).toBe(76)
  })

  it("query prints requested fields as a table, single links spread, lists folded", async () => {
    const result = await runCli(
      [
        "query",
        "post",
        "--fields",
        "title,product.title,product_tags.value",
        "--filters",
        '{"product":{"handle":"product-2"}}',
      ],
      { cwd: app },
    )
    expect(result.code, show(result)).toBe(0)
    const out = normalizeOutput(result.stdout)
    expect(out).toContain("title product.title product_tags")
    expect(out).toContain("Guide: Indigo Shirt 2 Indigo Shirt 2 2: recycled, handmade")
    expect(out).toContain("1 post")
    expect(out).not.toContain("record(s)")
  })

  it("query fits the terminal, shows a relation asked by name, and list cells show the fields asked", async () => {
    const env = { COLUMNS: "100" }
    const wide = await runCli(["query", "product", "--take", "3"], { cwd: app, env })
    expect(wide.code, show(wide)).toBe(0)
    for (const line of wide.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100)
    expect(wide.stdout).toContain("─[ 1 ]")
    expect(wide.stdout).toMatch(/^handle\s+│ product-/m)
    expect(wide.stdout).toMatch(/3 of \d+ products/)

    const relation = await runCli(["query", "post", "--fields", "product", "--take", "2"], { cwd: app, env })
    expect(relation.code, show(relation)).toBe(0)
    expect(relation.stdout).toMatch(/product\.title\s+│ \S|product\.title/)
    expect(relation.stdout).toMatch(/prod_\w+/)

    const nested = await runCli(
      ["query", "product_tag", "--fields", "value,posts.product.title", "--take", "1"],
      {
        cwd: app,
        env,
      },
    )
    expect(nested.code, show(nested)).toBe(0)
    expect(nested.stdout).toMatch(/^\S+\s+\d+: \w+ Shirt \d+/m)
  })

  it("query --json with pagination returns data and metadata", async () => {
    const result = await runCli(
      [
        "query",
        "product",
        "--fields",
        "title,post.title",
        "--take",
        "3",
        "--order",
        '{"title":"DESC"}',
        "--json",
      ],
      { cwd: app },
    )
    const { data, metadata } = JSON.parse(result.stdout)
    expect(metadata).toMatchObject({ count: 38, take: 3 })
    expect(data[0]).toMatchObject({ title: "Sand Tote 20", post: { title: "Story: Sand Tote 20" } })
  })

  it("query --format ndjson streams one record per line, in the order of --json", async () => {
    const args = ["query", "product", "--fields", "title,post.title", "--order", '{"title":"DESC"}']
    const streamed = await runCli([...args, "--format", "ndjson"], { cwd: app })
    expect(streamed.code, show(streamed)).toBe(0)
    const lines = streamed.stdout.trimEnd().split("\n")
    expect(lines).toHaveLength(38)
    const whole = await runCli([...args, "--format", "json"], { cwd: app })
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(whole.stdout).data)
    const bad = await runCli([...args, "--format", "xml"], { cwd: app })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("--format must be one of table, json, ndjson")
  })

  it("query --explain shows the fragment, the edge strategies and the SQL", async () => {
    const result = await runCli(
      [
        "query",
        "product",
        "--fields",
        "title,post.title",
        "--filters",
        '{"post":{"status":"draft"}}',
        "--explain",
      ],
      { cwd: app },
    )
    expect(result.code, show(result)).toBe(0)
    expect(result.stdout).toContain('Fragment 1: product on database "main"')
    expect(normalizeOutput(result.stdout)).toMatch(/filters\.post exists/)
    expect(result.stdout.toLowerCase()).toContain("select")
  })

  it("exit 1 with the cause for bad JSON, an unknown field, an unknown entity", async () => {
    const badJson = await runCli(["query", "product", "--filters", "{title:1}"], { cwd: app })
    expect(badJson.code).toBe(1)
    expect(badJson.stderr).toContain("--filters is not valid JSON")
    expect(badJson.stderr).toContain("hint:")

    const field = await runCli(["query", "product", "--fields", "titel"], { cwd: app })
    expect(field.code).toBe(1)
    expect(field.stderr).toContain("titel")
    expect(field.stderr).toContain('"title"')

    const entity = await runCli(["query", "prodcut"], { cwd: app })
    expect(entity.code).toBe(1)
    expect(entity.stderr).toContain('"product"')
    expect(entity.stderr).not.toMatch(/^\s+at /m)
  })

  it("exit 1 for a project folder without a config, and for an unknown command", async () => {
    const noConfig = await runCli(["links"], { cwd: root })
    expect(noConfig.code).toBe(1)
    expect(noConfig.stderr).toContain("No modlink.config.ts")
    const unknown = await runCli(["lnks"], { cwd: app })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("links")
  })

  it("exit 2 for an internal error, with the stack only behind --verbose", async () => {
    writeFileSync(
      join(app, "crash.ts"),
      'export default async function () {\n  throw new TypeError("boom inside")\n}\n',
    )
    const quiet = await runCli(["exec", "./crash.ts"], { cwd: app })
    expect(quiet.code, show(quiet)).toBe(2)
    expect(quiet.stderr).toContain("internal error boom inside")
    expect(quiet.stderr).toContain("--verbose")
    expect(quiet.stderr).not.toMatch(/^\s+at /m)
    const verbose = await runCli(["--verbose", "exec", "./crash.ts"], { cwd: app })
    expect(verbose.code).toBe(2)
    expect(verbose.stderr).toMatch(/TypeError: boom inside\n\s+at /)
  })

  it("no colour codes without a terminal, even when FORCE_COLOR is unset", async () => {
    const result = await runCli(["links"], { cwd: app, env: { NO_COLOR: undefined } })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(result.stdout).not.toMatch(/\u001b\[/)
  })
})
