import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { BIN, runCli, show } from "./run-cli.ts"
import { hasTmux, shopOnTerminal } from "./terminal.ts"

/**
 * The CLI's rename resolver on a real pseudo-terminal: a renamed module makes the link look new,
 * and db:sync-links asks whether it is the recorded link renamed, sync's guess selected first.
 */
describe.skipIf(!hasTmux)("db:sync-links asks whether a link was renamed", () => {
  const shop = shopOnTerminal(async (app) => {
    await runCli(["exec", "./src/scripts/seed.ts"], { cwd: app })
    const index = join(app, "src/modules/blog/index.ts")
    writeFileSync(index, readFileSync(index, "utf8").replace('Module("blog"', 'Module("journal"'))
  })

  it("without a terminal takes the guess: the dry run plans a rename of the table", async () => {
    const plan = await runCli(["db:sync-links", "--dry-run"], { cwd: shop.app })
    expect(plan.code, show(plan)).toBe(0)
    expect(plan.stdout).toMatch(
      /rename +product\.product <> journal\.post +product_product_blog_post → product_product_journal_post/,
    )
    expect(plan.stdout).toContain("was product.product <> blog.post")
  })

  it("on a terminal asks, and Enter keeps the guess: the table is renamed", {
    timeout: 120_000,
  }, async () => {
    const sync = shop.terminal.start("rename", process.execPath, [BIN, "db:sync-links"], { cwd: shop.app })
    const screen = await sync.waitFor((s) => s.includes("a recorded link renamed?"), "the rename question")
    expect(screen).toContain("renamed from product.product <> blog.post (product_product_blog_post)")
    expect(screen).toContain("a new link: create product_product_journal_post")
    sync.send("Enter")
    expect(await sync.exitCode()).toBe(0)
    const after = await runCli(["db:sync-links", "--dry-run"], { cwd: shop.app })
    expect(after.stdout, show(after)).toContain("Database already up-to-date.")
    const links = await runCli(["links"], { cwd: shop.app })
    expect(links.stdout, show(links)).toContain("product_product_journal_post")
  })
})
