import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { packCheckout } from "../../scripts/pack.js"
import { REPO, runProcess, show } from "../cli/run-cli.ts"

const CONSUMER = fileURLToPath(new URL("./consumer/", import.meta.url))

/** The version of a dev tool installed in this checkout, so the consumer's install hits npm's cache. */
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version

/**
 * The tarball is the product. `npm pack` runs in a copy of this checkout's files (see
 * scripts/pack.js: the suite's own sources and build are left alone); the tarball is then
 * installed into an empty folder outside the repository, as a user's app would, and used with
 * plain `node` and with `tsc`. One pack and one install serve every case below.
 */
describe("the packed package, installed in an empty folder", { timeout: 600_000 }, () => {
  let work: string
  let app: string
  let files: string[]
  const inApp = (command: string, args: string[]) => runProcess(command, args, { cwd: app })
  const modlink = (...args: string[]) => inApp(join(app, "node_modules", ".bin", "modlink"), args)

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "modlink-pack-"))
    app = join(work, "app")
    mkdirSync(app)
    const packed = packCheckout(work)
    files = packed.files
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }))
    const install = await runProcess(
      "npm",
      [
        "install",
        packed.tarball,
        `typescript@${installedVersion("typescript")}`,
        `@types/node@${installedVersion("@types/node")}`,
        "--no-audit",
        "--no-fund",
      ],
      { cwd: app, env: { npm_config_prefer_offline: "true" } },
    )
    expect(install.code, show(install)).toBe(0)
    cpSync(CONSUMER, app, { recursive: true })
  }, 600_000)
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it("holds the built code, its declarations and the CLI; no tests, bench or TypeScript sources", () => {
    for (const file of [
      "package.json",
      "bin/modlink.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/index.js.map",
      "dist/modules/product/index.js",
      "dist/modules/product/index.d.ts",
      "dist/modules/product/migrations/20250101000000_product.sql",
      "dist/cli/scaffold/template/modlink.config.ts",
      "dist/studio/app.js",
      "examples/blog/modlink.config.ts",
    ]) {
      expect(files).toContain(file)
    }
    const unwanted = files.filter(
      (f) =>
        /^(src|test|bench|scripts|\.ci)\//.test(f) ||
        f.startsWith("docs/images/") ||
        f === "bin/modlink-dev.js" ||
        f === "bin/modlink-bench.js" ||
        /\.test(-d)?\.ts$/.test(f),
    )
    expect(unwanted).toEqual([])
  })

  it("runs its CLI as built JavaScript: --version, then db:generate and db:migrate in a project", async () => {
    const version = await modlink("--version")
    expect(version.code, show(version)).toBe(0)
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version)
    const generate = await modlink("db:generate", "blog")
    expect(generate.code, show(generate)).toBe(0)
    expect(generate.stdout).toContain("create table post")
    const migrate = await modlink("db:migrate")
    expect(migrate.code, show(migrate)).toBe(0)
    expect(migrate.stdout).toContain("✓ product.product <> blog.post (product_product_blog_post): create")
  })

  it("works from a plain node script: an app on PGlite links two records and reads them back", async () => {
    const result = await inApp(process.execPath, ["app.js"])
    expect(result.code, show(result)).toBe(0)
    const data = JSON.parse(result.stdout.trim().split("\n").at(-1)!)
    expect(data).toEqual([
      {
        id: expect.stringMatching(/^prod_/),
        title: "Desk Lamp",
        post: { id: expect.stringMatching(/^post_/), title: "Why we love the Desk Lamp" },
      },
    ])
  })

  it("type-checks a TypeScript consumer against its declarations", async () => {
    const tsc = await inApp(process.execPath, [
      join(app, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      ".",
    ])
    expect(tsc.code, show(tsc)).toBe(0)
  })
})
