import { mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, linkFile } from "../support/project.ts"
import { REPO, runCli, show } from "./run-cli.ts"

const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version

describe("what a user of any CLI expects", () => {
  it("--version and -v print the package's version", async () => {
    for (const flag of ["--version", "-v"]) {
      const result = await runCli([flag], { cwd: REPO })
      expect(result.code, show(result)).toBe(0)
      expect(result.stdout.trim()).toBe(VERSION)
    }
  })

  it("an unknown command suggests the closest one and exits 1", async () => {
    const result = await runCli(["db:sync-link"], { cwd: REPO })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("unknown command 'db:sync-link'")
    expect(result.stderr).toContain("Did you mean db:sync-links?")
  })

  it("each command's help lists the global options", async () => {
    const result = await runCli(["db:migrate", "--help"], { cwd: REPO })
    expect(result.code, show(result)).toBe(0)
    const global = result.stdout.slice(result.stdout.indexOf("Global Options:"))
    expect(global).toContain("--database-url <url>")
    expect(global).toContain("-C, --cwd <dir>")
    expect(global).toContain("--verbose")
  })

  it("outside any project, says no config was found here or above", async () => {
    const empty = createProject()
    try {
      const result = await runCli(["links"], { cwd: empty.dir })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`No modlink.config.ts in ${empty.dir} or any folder above it`)
    } finally {
      empty.cleanup()
    }
  })
})

for (const kind of backendKinds) {
  describe(`the project is found from a subfolder; the target database is shown [${kind}]`, () => {
    const project = createProject({
      ...blogModuleFiles(),
      ...configFile(),
      "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
      "src/scripts/count.ts":
        'export default async function ({ container }) { console.log("modules:", typeof container.resolve("blog")) }\n',
    })
    const subfolder = join(project.dir, "src", "modules", "blog")
    mkdirSync(subfolder, { recursive: true })
    let database: FreshDatabase
    beforeAll(async () => {
      database = await freshDatabase(kind)
    })
    afterAll(async () => {
      project.cleanup()
      await database?.drop()
    })

    /** The database URL with a password in it (the server trusts local connections, so any works). */
    async function urlWithPassword(): Promise<string> {
      const { url } = database
      if (kind === "pglite") return url
      const parsed = new URL(url)
      parsed.password = "s3cret-pw"
      return parsed.toString()
    }

    it("db:migrate and db:sync-links run from a subfolder and name the database, password hidden", async () => {
      const url = await urlWithPassword()
      const env = { DATABASE_URL: url }
      const migrate = await runCli(["db:migrate", "--skip-links"], { cwd: subfolder, env })
      expect(migrate.code, show(migrate)).toBe(0)
      const sync = await runCli(["db:sync-links"], { cwd: subfolder, env })
      expect(sync.code, show(sync)).toBe(0)
      expect(sync.stdout).toContain("✓ product.product <> blog.post")
      for (const result of [migrate, sync]) {
        expect(result.stdout + result.stderr).not.toContain("s3cret-pw")
        const shown = kind === "pglite" ? `embedded PostgreSQL (${url})` : url.replace("s3cret-pw", "***")
        expect(result.stdout.split("\n")).toContain(`database: ${shown}`)
      }
    })

    it("exec finds a script path given from the project root", async () => {
      const result = await runCli(["exec", "./src/scripts/count.ts"], {
        cwd: subfolder,
        env: { DATABASE_URL: await urlWithPassword() },
      })
      expect(result.code, show(result)).toBe(0)
      expect(result.stdout).toContain("modules: object")
    })
  })
}
