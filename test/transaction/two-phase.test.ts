import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type App, createApp } from "../../src/app/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import {
  type PrivatePostgres,
  privatePostgresMissing,
  startPrivatePostgres,
} from "../reliability/support/private-postgres.ts"
import { describeBackends, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, createProject, linkFile, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"

const CHILD = fileURLToPath(new URL("./support/two-phase-child.mjs", import.meta.url))

/** Product on the main database, blog on its own, a link between them (its table on main). */
function twoDatabaseProject(mainUrl: string, blogUrl: string): Project {
  return createProject({
    "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({
  databaseUrl: ${JSON.stringify(mainUrl)},
  modules: ["modlink/product", { resolve: "./src/modules/blog", databaseUrl: ${JSON.stringify(blogUrl)} }],
})
`,
    ...blogModuleFiles(),
    "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
  })
}

async function counts(app: App, title: string) {
  return {
    product: (await app.resolve("product").listProducts({ title })).length,
    post: (await app.resolve("blog").listPosts({ title })).length,
    link: (await app.link.list({ product: {} })).length,
  }
}

const writeBoth = (app: App, title: string) =>
  app.transaction(async (scope) => {
    const product = await scope.resolve("product").createProducts({ title, handle: title })
    const post = await scope.resolve("blog").createPosts({ title })
    await scope.resolve("link").create({ product: { product_id: product.id }, blog: { post_id: post.id } })
  })

describeBackends("a transaction across two databases without prepared transactions", ({ kind, url }) => {
  let project: Project
  let blog: FreshDatabase
  let app: App
  beforeAll(async () => {
    blog = await freshDatabase(kind)
    project = twoDatabaseProject(url(), blog.url)
    app = await startApp(project.dir, url())
    // Two databases to create and push; PGlite is slow to start on a busy machine.
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await blog?.drop()
    project?.cleanup()
  })

  it("is refused before anything is written on the second database, and says why", async () => {
    const error = await writeBoth(app, "refused").catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("TWO_PHASE_UNAVAILABLE")
    expect((error as Error).message).toMatch(
      kind === "pglite"
        ? /is PGlite, which has no prepared transactions/
        : /has max_prepared_transactions = 0/,
    )
    expect(await counts(app, "refused")).toEqual({ product: 0, post: 0, link: 0 })
  })

  it("runs a transaction that stays on one database", async () => {
    await app.transaction(async (scope) => scope.resolve("blog").createPosts({ title: "one side" }))
    expect((await app.resolve("blog").listPosts({ title: "one side" })).length).toBe(1)
  })
})

const missing = privatePostgresMissing()
describe.skipIf(missing !== undefined)("two-phase commit across two databases (a private server)", () => {
  let server: PrivatePostgres
  let project: Project
  let blogUrl: string

  beforeAll(async () => {
    server = await startPrivatePostgres({ max_prepared_transactions: 8 })
    const admin = new pg.Client({ connectionString: server.url })
    await admin.connect()
    await admin.query("create database main_db")
    await admin.query("create database blog_db")
    await admin.end()
    const mainUrl = server.url.replace(/\/postgres$/, "/main_db")
    blogUrl = server.url.replace(/\/postgres$/, "/blog_db")
    project = twoDatabaseProject(mainUrl, blogUrl)
    await (await startApp(project.dir, mainUrl)).close()
  }, 120_000)
  afterAll(async () => {
    project?.cleanup()
    await server?.stop()
  })

  const preparedOnBlog = async () => {
    const client = new pg.Client({ connectionString: blogUrl })
    await client.connect()
    const { rows } = await client.query("select gid from pg_prepared_xacts")
    await client.end()
    return rows.length
  }

  /** Runs the child until it stops at `step`, kills it (SIGKILL), and returns what was left prepared. */
  async function killAt(step: "prepared" | "decided"): Promise<number> {
    const child = spawn(process.execPath, [CHILD, project.dir, step], { stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk
        if (output.includes("STOPPED")) resolve()
      })
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk
      })
      child.on("close", () => reject(new Error(`the child ended before stopping:\n${output}`)))
    })
    child.kill("SIGKILL")
    await new Promise((resolve) => child.once("close", resolve))
    return preparedOnBlog()
  }

  it("commits both sides together", async () => {
    const app = await createApp({ cwd: project.dir })
    try {
      await writeBoth(app, "both")
      expect(await counts(app, "both")).toEqual({ product: 1, post: 1, link: 1 })
      await expect(
        app.transaction(async (scope) => {
          await scope.resolve("product").createProducts({ title: "neither", handle: "neither" })
          await scope.resolve("blog").createPosts({ title: "neither" })
          throw new Error("undo")
        }),
      ).rejects.toThrow("undo")
      expect(await counts(app, "neither")).toMatchObject({ product: 0, post: 0 })
      expect(await preparedOnBlog()).toBe(0)
    } finally {
      await app.close()
    }
  })

  it("killed after preparing the other side, before main's commit: the next start rolls it back", async () => {
    expect(await killAt("prepared")).toBe(1)
    const app = await createApp({ cwd: project.dir })
    try {
      expect(await preparedOnBlog()).toBe(0)
      expect(await counts(app, "prepared")).toEqual({ product: 0, post: 0, link: 1 })
    } finally {
      await app.close()
    }
  })

  it("killed after main's commit, before the other side's: the next start commits it", async () => {
    expect(await killAt("decided")).toBe(1)
    const app = await createApp({ cwd: project.dir })
    try {
      expect(await preparedOnBlog()).toBe(0)
      expect(await counts(app, "decided")).toEqual({ product: 1, post: 1, link: 2 })
    } finally {
      await app.close()
    }
  })
})
