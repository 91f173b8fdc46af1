import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { REPO, runCli, runProcess, show } from "./run-cli.ts"

describe("modlink init, then the scaffold's own commands", () => {
  let root: string
  let app: string
  /** The "Next:" lines init printed (after the `cd`), run as printed by a later test. */
  let nextSteps: string[] = []
  let envFile: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "modlink-init-"))
    app = join(root, "my-shop")
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it("scaffolds the project and prints the next steps", async () => {
    const result = await runCli(["init", "my-shop"], { cwd: root })
    expect(result.code, show(result)).toBe(0)
    for (const file of [
      "modlink.config.ts",
      "src/modules/blog/index.ts",
      "src/modules/blog/service.ts",
      "src/modules/blog/models/post.ts",
      "src/links/product-post.ts",
      "src/scripts/seed.ts",
      "package.json",
      ".gitignore",
    ]) {
      expect(result.stdout).toContain(file)
    }
    expect(result.stdout).toContain("npx modlink db:migrate")
    nextSteps = result.stdout
      .slice(result.stdout.indexOf("Next:"))
      .split("\n")
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("cd "))
    const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8"))
    expect(pkg.dependencies.modlink).toBe(`file:${REPO.replace(/\/$/, "")}`)
    expect(pkg.scripts.seed).toBe("modlink exec ./src/scripts/seed.ts")
    expect(pkg.scripts.typecheck).toBe("tsc --noEmit")
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(["@types/node", "typescript"])
    const tsconfig = JSON.parse(readFileSync(join(app, "tsconfig.json"), "utf8"))
    expect(tsconfig.include).toContain("modlink-env.d.ts")
    envFile = readFileSync(join(app, "modlink-env.d.ts"), "utf8")
  })

  it("refuses a folder that is not empty, with the fix", async () => {
    const result = await runCli(["init", "my-shop"], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/error .*my-shop is not empty/)
    expect(result.stderr).toContain("hint: pick a new folder name")
    expect(result.stderr.trim().split("\n")).toHaveLength(2)
  })

  it("the commands init prints install, migrate, seed and query the project", {
    timeout: 300_000,
  }, async () => {
    const steps = nextSteps
    expect(steps).toEqual([
      "npm install",
      "npx modlink db:migrate",
      "npx modlink exec ./src/scripts/seed.ts",
      "npx modlink query product --fields title,post.title",
    ])
    const results = []
    for (const step of steps) {
      const [command, ...args] = step.split(" ")
      // As printed; npm reads packages from its cache when it has them (no registry round trips).
      const result = await runProcess(command, args, { cwd: app, env: { npm_config_prefer_offline: "true" } })
      expect(result.code, `${step}\n${show(result)}`).toBe(0)
      results.push(result)
    }
    const [, migrate, seed, query] = results
    expect(migrate.stdout).toContain("product.product <> blog.post")
    expect(seed.stdout).toContain("Linen Shirt → Why we love the Linen Shirt")
    expect(seed.stdout).toContain("Seeded 3 products and 3 linked posts.")
    const row = query.stdout.split("\n").find((line) => line.includes("Linen Shirt"))
    expect(row, show(query)).toContain("Why we love the Linen Shirt")
    // db:migrate and exec refresh modlink-env.d.ts: the scaffold's is already what they write.
    expect(readFileSync(join(app, "modlink-env.d.ts"), "utf8")).toBe(envFile)
  })

  it("npm run typecheck: the fresh project type-checks, and a typo in it does not", {
    timeout: 600_000,
  }, async () => {
    const clean = await runProcess("npm", ["run", "typecheck"], { cwd: app })
    expect(clean.code, show(clean)).toBe(0)
    const script = join(app, "src/scripts/typo.ts")
    writeFileSync(
      script,
      [
        'import type { ExecArgs } from "modlink"',
        "export default async function ({ container }: ExecArgs) {",
        '  await container.resolve("query").graph({ entity: "product", fields: ["post.titel"] })',
        "}",
        "",
      ].join("\n"),
    )
    try {
      const typo = await runProcess("npm", ["run", "typecheck"], { cwd: app })
      expect(typo.code).not.toBe(0)
      expect(typo.stdout).toMatch(
        /src\/scripts\/typo\.ts\(3,\d+\): error TS\d+: Type '"post\.titel"' is not assignable .*Did you mean '"post\.title"'\?/,
      )
    } finally {
      rmSync(script)
    }
  })

  it("ships a migration that matches the blog model (db:generate has nothing to add)", async () => {
    const result = await runCli(["db:generate", "blog"], { cwd: app })
    expect(result.code, show(result)).toBe(0)
    expect(result.stdout.toLowerCase()).toContain("no changes")
  })

  it("names the file and line of a link file that fails to load", async () => {
    const link = join(app, "src/links/product-post.ts")
    const original = readFileSync(link, "utf8")
    writeFileSync(link, `${original}\nthrow new Error("broken on purpose")\n`)
    try {
      const result = await runCli(["links"], { cwd: app })
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/src\/links\/product-post\.ts:\d+/)
      expect(result.stderr).toContain("broken on purpose")
    } finally {
      writeFileSync(link, original)
    }
  })
})
