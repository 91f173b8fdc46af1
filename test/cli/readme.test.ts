import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { normalizeOutput } from "../docs/code-blocks.ts"
import { REPO, runProcess, show } from "./run-cli.ts"

/** The commands of the README's "Try it" section, in order: one per ```bash block. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8")
  const section = readme.slice(readme.indexOf("## Try it"), readme.indexOf("## In 20 lines"))
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1].trim())
}

/**
 * A fresh clone, as far as files go: every tracked and untracked-but-not-ignored file of the
 * working tree, copied. node_modules is linked to this checkout's (npm ci needs the network
 * here, and what it installs is what package-lock.json pins, which this checkout already has).
 */
function cloneWorkingTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "modlink-clone-"))
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: REPO })
    .toString()
    .split("\0")
    .filter((f) => f && !f.startsWith("node_modules/"))
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    try {
      writeFileSync(join(dir, file), readFileSync(join(REPO, file)))
    } catch {
      // listed by git but deleted in the working tree: not part of a clone of it
    }
  }
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir")
  return dir
}

describe("the README's two commands, in a clean copy of the repository", () => {
  let clone: string
  beforeAll(() => {
    clone = cloneWorkingTree()
  })
  afterAll(() => rmSync(clone, { recursive: true, force: true }))

  it("lists exactly two commands: set up and run the demo, then the tests", () => {
    expect(readmeCommands()).toEqual(["npm ci && npx modlink demo", "npm test"])
  })

  it("runs the demo on the embedded database and prints its results", { timeout: 180_000 }, async () => {
    // `npm ci` is the part already done by linking node_modules; the rest runs as written.
    const result = await runProcess("npx", ["modlink", "demo", "--products", "120"], { cwd: clone })
    expect(result.code, show(result)).toBe(0)
    const out = normalizeOutput(result.stdout)
    // the sync plan
    expect(out).toContain("create product.product <> blog.post product_product_blog_post")
    expect(out).toContain("create blog.post <> product.product_tag blog_post_product_product_tag")
    expect(out).toContain("3 link tables created")
    // the seed, linked in one call
    expect(out).toContain(
      "120 products, 120 posts, 240 comments, 4 collections, 6 tags; 480 link rows in one link.create call",
    )
    // the links table with row counts
    expect(out).toMatch(/product\.product <> blog\.post 1:1 product → post — 120 product_product_blog_post/)
    expect(out).toMatch(/blog\.post <> product\.product_tag N:N — — 240/)
    // a query across the link, from both sides
    expect(out).toContain("title post.title post.status")
    expect(out).toContain("Charcoal Backpack 75 Story: Charcoal Backpack 75 published")
    expect(out).toContain("Guide: Indigo Shirt 2 Indigo Shirt 2 Summer 2: recycled, handmade")
    // the filter through the link: every fifth post is a guide
    expect(out).toContain("5 shown of 24 (metadata.count)")
    // nested pagination and the link entity's extra columns
    expect(out).toMatch(/Autumn 3: Guide: Charcoal Notebook 67/)
    expect(out).toContain("0 true Spring Review: Linen Shirt 1")
    // the cascade preview and its result
    expect(out).toContain("link rows product_post 2")
    expect(out).toContain("records blog (post_id) 2")
    expect(out).toContain("product records 120 118")
    expect(out).toContain("post records 120 118")
    expect(out).toContain("post_product_tag link rows 240 236")
    // what to do next
    expect(out).toMatch(/npx modlink -C \S+ links/)
    expect(out).toContain("src/links/product-post.ts")
  })

  it("runs the tests from the copy (npm test; the database tests here)", { timeout: 180_000 }, async () => {
    const result = await runProcess("npm", ["test", "--", "--run", "test/db"], {
      cwd: clone,
      env: { DATABASE_URL: process.env.DATABASE_URL },
    })
    expect(result.code, show(result)).toBe(0)
    expect(result.stdout).toMatch(/Test Files\s+\d+ passed/)
  })
})
