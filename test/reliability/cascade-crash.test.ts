import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { App } from "../../src/app/index.ts"
import { type Database, openPostgres } from "../../src/db/index.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, createProject, linkFile, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"
import { startCli } from "./support/cli-process.ts"
import { checksumDatabase } from "./support/db-checksum.ts"
import { waitForBlockedSession, waitForSessionEnd } from "./support/server-sessions.ts"

/**
 * `link.delete` cascades product → its posts (deleteCascade) → their tags (deleteCascade), run by the
 * real CLI (`modlink exec`) in a child process so it can be killed mid-way.
 *
 * One database: the cascade is one transaction, so a kill or a failing statement anywhere in it
 * leaves every table exactly as before (row digests compared), and a re-run does everything.
 * Across databases (blog on its own database) there is no shared transaction: the service records
 * a pending journal entry first, commits the blog database, then the main one. A failure must report
 * exactly which part committed and which did not, the databases must match that report, and running
 * the same call again must finish the cascade; a kill between the two commits must be finished by
 * the re-run through the pending journal entry.
 *
 * Blocking points come from locks the test holds on the link table of post → tag, which the cascade
 * writes after the records: the test kills once the server shows the CLI's session waiting on it
 * with a transaction id (it has written), never after a delay. Failures come from a trigger the test
 * installs on that table, so they hit the same point deterministically.
 */
const POSTS = 50
const TAGS_PER_POST = 2

const LINKS = {
  "src/links/product-posts.ts": linkFile(
    "ProductModule.linkable.product, { linkable: BlogModule.linkable.post, isList: true, deleteCascade: true }",
  ),
  "src/links/post-tags.ts": linkFile(
    "BlogModule.linkable.post, { linkable: ProductModule.linkable.productTag, isList: true, deleteCascade: true }",
  ),
}
const POST_TAGS = "blog_post_product_product_tag"

const SCRIPT = {
  "src/scripts/cascade.ts": `
export default async function ({ container, args }) {
  try {
    const report = await container.resolve("link").delete({ product: { product_id: args[0] } })
    console.log("REPORT " + JSON.stringify(report))
  } catch (error) {
    console.log("FAILED " + JSON.stringify({ code: error.code, details: error.details }))
    throw error
  }
}
`,
}

const config = (blogUrl?: string) => ({
  "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({
  modules: ["modlink/product", ${blogUrl ? `{ resolve: "./src/modules/blog", databaseUrl: ${JSON.stringify(blogUrl)} }` : `"./src/modules/blog"`}],
})
`,
})

/** Reads what a line `REPORT {…}` or `FAILED {…}` of the script printed. */
function printed(output: string, tag: "REPORT" | "FAILED"): any {
  const line = output.split("\n").find((l) => l.startsWith(`${tag} `))
  return line ? JSON.parse(line.slice(tag.length + 1)) : undefined
}

async function liveCount(db: Database, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where deleted_at is null`,
  )
  return rows[0].n
}

interface Layout {
  main: FreshDatabase
  blog?: FreshDatabase
  project: Project
  app: App
  admin: pg.Client
  product: string
}

/** A product with POSTS posts, each with TAGS_PER_POST tags, all linked. */
async function setUp(separateBlog: boolean): Promise<Layout> {
  const main = await freshDatabase("postgres")
  const blog = separateBlog ? await freshDatabase("postgres") : undefined
  const project = createProject({ ...config(blog?.url), ...blogModuleFiles(), ...LINKS, ...SCRIPT })
  const app = await startApp(project.dir, main.url)
  const [product] = await app.resolve("product").createProducts([{ title: "Doomed", handle: "doomed" }])
  const posts = await app
    .resolve("blog")
    .createPosts(Array.from({ length: POSTS }, (_, i) => ({ title: `p${i}` })))
  const tags = await app
    .resolve("product")
    .createProductTags(Array.from({ length: POSTS * TAGS_PER_POST }, (_, i) => ({ value: `t${i}` })))
  await app.link.create([
    ...posts.map((post: { id: string }) => ({
      product: { product_id: product.id },
      blog: { post_id: post.id },
    })),
    ...tags.map((tag: { id: string }, i: number) => ({
      blog: { post_id: posts[Math.floor(i / TAGS_PER_POST)].id },
      product: { product_tag_id: tag.id },
    })),
  ])
  // The journal table is created on first use: create it now, outside the runs under test.
  await app.link.delete({ product: { product_id: "prod_none" } })
  const admin = new pg.Client({ connectionString: main.url })
  await admin.connect()
  return { main, blog, project, app, admin, product: product.id }
}

async function tearDown(layout: Layout | undefined) {
  await layout?.admin.end()
  await layout?.app.close()
  layout?.project.cleanup()
  await layout?.main.drop()
  await layout?.blog?.drop()
}

const cascade = (layout: Layout) =>
  startCli(
    ["--database-url", layout.main.url, "exec", "./src/scripts/cascade.ts", layout.product],
    layout.project.dir,
  )

/** Makes every update of the post → tag link table fail, as a disk or constraint error would. */
async function injectFailure(admin: pg.Client) {
  await admin.query(`create function reliability_fail() returns trigger language plpgsql as $$
    begin raise exception 'injected failure'; end $$`)
  await admin.query(
    `create trigger reliability_fail before update on ${POST_TAGS} for each row execute function reliability_fail()`,
  )
}
async function removeFailure(admin: pg.Client) {
  await admin.query(`drop trigger reliability_fail on ${POST_TAGS}; drop function reliability_fail()`)
}

/** Holds a lock that lets reads through but makes the cascade's update of POST_TAGS wait. */
async function killWhileBlocked(layout: Layout, database: string) {
  await layout.admin.query("begin")
  await layout.admin.query(`lock table ${POST_TAGS} in exclusive mode`)
  const run = cascade(layout)
  const blocked = await waitForBlockedSession(layout.admin, database, new RegExp(`update "${POST_TAGS}"`))
  expect(blocked.xid).not.toBeNull()
  run.child.kill("SIGKILL")
  expect((await run.done).signal).toBe("SIGKILL")
  await layout.admin.query("rollback")
  await waitForSessionEnd(layout.admin, blocked.pid)
}

describe.skipIf(!backendKinds.includes("postgres"))("delete cascade killed or failing mid-way", () => {
  describe("every module on one database", () => {
    let layout: Layout
    beforeAll(async () => {
      layout = await setUp(false)
    })
    afterAll(() => tearDown(layout))

    it("a kill or a failing statement leaves everything as before; a re-run does everything", async () => {
      const before = await checksumDatabase(layout.app.db)
      await killWhileBlocked(layout, new URL(layout.main.url).pathname.slice(1))
      expect(await checksumDatabase(layout.app.db)).toEqual(before)

      await injectFailure(layout.admin)
      const failed = await cascade(layout).done
      expect(failed.code, failed.output).not.toBe(0)
      expect(failed.output).toMatch(/injected failure/)
      await removeFailure(layout.admin)
      expect(await checksumDatabase(layout.app.db)).toEqual(before)

      const done = await cascade(layout).done
      expect(done.code, done.output).toBe(0)
      const report = printed(done.output, "REPORT")
      expect(report.records.blog.post_id).toHaveLength(POSTS)
      expect(report.records.product.product_tag_id).toHaveLength(POSTS * TAGS_PER_POST)
      const db = layout.app.db
      expect(await liveCount(db, "post")).toBe(0)
      expect(await liveCount(db, "product_tag")).toBe(0)
      expect(await liveCount(db, "product_product_blog_post")).toBe(0)
      expect(await liveCount(db, POST_TAGS)).toBe(0)
    })
  })

  describe("blog on its own database", () => {
    let layout: Layout
    let blogDb: Database
    beforeAll(async () => {
      layout = await setUp(true)
      blogDb = openPostgres(layout.blog!.url, { max: 1 })
    })
    afterAll(async () => {
      await blogDb?.close()
      await tearDown(layout)
    })

    it("a failure reports exactly what committed, the databases agree, and a re-run completes it", async () => {
      const main = layout.app.db
      const mainBefore = await checksumDatabase(main)
      await injectFailure(layout.admin)
      const failed = await cascade(layout).done
      await removeFailure(layout.admin)
      expect(failed.code, failed.output).not.toBe(0)
      const error = printed(failed.output, "FAILED")
      expect(error.code).toBe("CASCADE_FAILED")
      // Committed: the posts, on the blog database. Not done: link rows and tags, on main.
      expect(error.details.done).toEqual([`${POSTS} blog.post on ${blogDb.label}`])
      expect(error.details.notDone).toEqual([
        `link rows and ${POSTS * TAGS_PER_POST} product.product_tag on ${main.label}`,
      ])
      expect(await liveCount(blogDb, "post")).toBe(0)
      expect(await liveCount(main, "product_tag")).toBe(POSTS * TAGS_PER_POST)
      expect(await liveCount(main, POST_TAGS)).toBe(POSTS * TAGS_PER_POST)
      // On main only the journal changed: it holds the cascade as pending.
      const mainAfter = await checksumDatabase(main)
      const changed = Object.keys(mainAfter.tables).filter(
        (t) => mainAfter.tables[t] !== mainBefore.tables[t],
      )
      expect(changed).toEqual(["modlink_link_cascades"])
      expect(
        (await main.query("select status from modlink_link_cascades where status = 'pending'")).rows,
      ).toHaveLength(1)

      const done = await cascade(layout).done
      expect(done.code, done.output).toBe(0)
      await expectFinished(main)
    })

    it("a kill between the two commits is finished by the re-run through the pending journal entry", async () => {
      const main = layout.app.db
      // Fresh records for a second product: the first one's cascade is finished.
      const [product] = await layout.app
        .resolve("product")
        .createProducts([{ title: "Again", handle: "again" }])
      const posts = await layout.app.resolve("blog").createPosts([{ title: "q1" }, { title: "q2" }])
      const tags = await layout.app.resolve("product").createProductTags([{ value: "u1" }, { value: "u2" }])
      await layout.app.link.create([
        ...posts.map((p: { id: string }) => ({
          product: { product_id: product.id },
          blog: { post_id: p.id },
        })),
        ...tags.map((t: { id: string }, i: number) => ({
          blog: { post_id: posts[i].id },
          product: { product_tag_id: t.id },
        })),
      ])
      layout.product = product.id
      await killWhileBlocked(layout, new URL(layout.main.url).pathname.slice(1))
      expect(await liveCount(blogDb, "post")).toBe(0)
      expect(await liveCount(main, "product_tag")).toBe(2)
      expect(
        (await main.query("select 1 from modlink_link_cascades where status = 'pending'")).rows,
      ).toHaveLength(1)

      const done = await cascade(layout).done
      expect(done.code, done.output).toBe(0)
      await expectFinished(main)
    })

    async function expectFinished(main: Database) {
      expect(await liveCount(blogDb, "post")).toBe(0)
      expect(await liveCount(main, "product_tag")).toBe(0)
      expect(await liveCount(main, "product_product_blog_post")).toBe(0)
      expect(await liveCount(main, POST_TAGS)).toBe(0)
      expect((await main.query("select 1 from modlink_link_cascades where status = 'pending'")).rows).toEqual(
        [],
      )
    }
  })
})
