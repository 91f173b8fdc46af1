import { rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { BIN, runCli, show } from "./run-cli.ts"
import { hasTmux, shopOnTerminal } from "./terminal.ts"

/**
 * db:sync-links on a real pseudo-terminal (tmux, `terminal.ts`): an unsafe change is asked about,
 * and the answer decides.
 */
describe.skipIf(!hasTmux)("db:sync-links asks on a terminal", () => {
  const shop = shopOnTerminal()

  /** Runs db:sync-links on the terminal, answers the first prompt with `keys`, returns the exit code. */
  async function syncAnswering(keys: string[], session: string): Promise<number> {
    const sync = shop.terminal.start(session, process.execPath, [BIN, "db:sync-links"], { cwd: shop.app })
    await sync.waitFor((s) => s.includes("Apply"), "the prompt")
    sync.send(...keys)
    return sync.exitCode()
  }

  it("answers no: the table is kept", { timeout: 120_000 }, async () => {
    rmSync(join(shop.app, "src/links/product-post.ts"))
    expect(await syncAnswering(["n", "Enter"], "no")).toBe(3)
    const plan = await runCli(["db:sync-links", "--dry-run"], { cwd: shop.app })
    expect(plan.stdout).toContain("product_product_blog_post")
    expect(plan.stdout).toContain("delete")
  })

  it("answers yes: the table is dropped", { timeout: 120_000 }, async () => {
    expect(await syncAnswering(["y", "Enter"], "yes")).toBe(0)
    const plan = await runCli(["db:sync-links", "--dry-run"], { cwd: shop.app })
    expect(plan.code, show(plan)).toBe(0)
    expect(plan.stdout).not.toContain("product_product_blog_post")
  })

  it("never waits without a terminal: the delete is skipped with a warning", {
    timeout: 60_000,
  }, async () => {
    writeFileSync(
      join(shop.app, "src/links/product-post.ts"),
      'import { defineLink } from "modlink"\nimport ProductModule from "modlink/product"\nimport BlogModule from "../modules/blog/index.ts"\nexport default defineLink(ProductModule.linkable.product, BlogModule.linkable.post)\n',
    )
    const created = await runCli(["db:sync-links"], { cwd: shop.app })
    expect(created.code, show(created)).toBe(0)
    rmSync(join(shop.app, "src/links/product-post.ts"))
    const skipped = await runCli(["db:sync-links"], { cwd: shop.app })
    expect(skipped.code, show(skipped)).toBe(3)
    expect(skipped.stdout + skipped.stderr).toMatch(/no terminal/)
  })
})
