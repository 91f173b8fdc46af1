import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { BIN, runCli, show } from "./run-cli.ts"

const TMUX = "/usr/bin/tmux"

/**
 * db:sync-links on a real pseudo-terminal (tmux): an unsafe change is asked about, and the answer
 * decides. The screen is read with capture-pane until the prompt shows; the exit code comes
 * back through a file the shell writes when the command ends.
 */
describe.skipIf(!existsSync(TMUX))("db:sync-links asks on a terminal", () => {
  let root: string
  let app: string
  const socket = `modlink-test-${process.pid}`
  const tmux = (...args: string[]) =>
    execFileSync(TMUX, ["-L", socket, ...args], { stdio: ["ignore", "pipe", "ignore"] }).toString()

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "modlink-tty-"))
    app = join(root, "my-shop")
    const init = await runCli(["init", "my-shop"], { cwd: root })
    if (init.code !== 0) throw new Error(show(init))
    const migrate = await runCli(["db:migrate"], { cwd: app })
    if (migrate.code !== 0) throw new Error(show(migrate))
  }, 120_000)
  afterAll(() => {
    try {
      tmux("kill-server")
    } catch {
      // no session left
    }
    rmSync(root, { recursive: true, force: true })
  })

  async function until(check: (screen: string) => boolean, what: string, session: string): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const screen = tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session)
      if (check(screen)) return screen
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`timed out waiting for ${what}:\n${tmux("capture-pane", "-p", "-t", session)}`)
  }

  /** Runs db:sync-links in a tmux session, answers the first prompt with `keys`, returns the exit code. */
  async function syncAnswering(keys: string[], session: string): Promise<number> {
    const done = join(root, `${session}.exit`)
    if (existsSync(done)) unlinkSync(done)
    const command = `cd ${app} && NO_COLOR=1 ${process.execPath} ${BIN} db:sync-links; echo $? > ${done}`
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", command)
    await until((s) => s.includes("Apply"), "the prompt", session)
    tmux("send-keys", "-t", session, ...keys)
    for (let i = 0; i < 600 && !existsSync(done); i++) await new Promise((r) => setTimeout(r, 100))
    return Number(readFileSync(done, "utf8").trim())
  }

  it("answers no: the table is kept", { timeout: 120_000 }, async () => {
    rmSync(join(app, "src/links/product-post.ts"))
    expect(await syncAnswering(["n", "Enter"], "no")).toBe(3)
    const plan = await runCli(["db:sync-links", "--dry-run"], { cwd: app })
    expect(plan.stdout).toContain("product_product_blog_post")
    expect(plan.stdout).toContain("delete")
  })

  it("answers yes: the table is dropped", { timeout: 120_000 }, async () => {
    expect(await syncAnswering(["y", "Enter"], "yes")).toBe(0)
    const plan = await runCli(["db:sync-links", "--dry-run"], { cwd: app })
    expect(plan.code, show(plan)).toBe(0)
    expect(plan.stdout).not.toContain("product_product_blog_post")
  })

  it("never waits without a terminal: the delete is skipped with a warning", {
    timeout: 60_000,
  }, async () => {
    writeFileSync(
      join(app, "src/links/product-post.ts"),
      'import { defineLink } from "modlink"\nimport ProductModule from "modlink/product"\nimport BlogModule from "../modules/blog/index.ts"\nexport default defineLink(ProductModule.linkable.product, BlogModule.linkable.post)\n',
    )
    const created = await runCli(["db:sync-links"], { cwd: app })
    expect(created.code, show(created)).toBe(0)
    rmSync(join(app, "src/links/product-post.ts"))
    const skipped = await runCli(["db:sync-links"], { cwd: app })
    expect(skipped.code, show(skipped)).toBe(3)
    expect(skipped.stdout + skipped.stderr).toMatch(/no terminal/)
  })
})
