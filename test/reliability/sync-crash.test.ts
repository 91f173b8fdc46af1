import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "../../src/app/index.ts"
import { openPostgres } from "../../src/db/index.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, linkFile, type Project } from "../support/project.ts"
import { UNCHECKED_LINKS } from "../support/start-app.ts"
import { startCli } from "./support/cli-process.ts"
import { snapshotSchema } from "./support/schema-snapshot.ts"
import { waitForBlockedSession, waitForSessionEnd } from "./support/server-sessions.ts"

/**
 * The link sync applies its plan in one transaction. These tests break that transaction in the two
 * ways that happen in production (the process dies, a statement fails) after many statements of
 * it already ran, and compare the catalogs, every table's rows and the registry with a snapshot
 * taken before: they must be identical. Then the next sync must complete.
 *
 * To kill the process mid-transaction without guessing at timing, the test holds an EXCLUSIVE lock
 * on the registry table: reads (the planner) pass, but the apply's registry write, which comes after
 * every DDL statement of the plan, waits. The test kills the CLI once the server shows that session
 * waiting with a transaction id (it has written), then releases the lock; the server rolls the
 * orphaned transaction back when it finds the client gone.
 */
const KILLS = 3

const PRODUCT_SIDES = [
  "productVariant",
  "productOption",
  "productOptionValue",
  "productCategory",
  "productTag",
  "productCollection",
]
/** Every link between the product models above and blog's post and comment, both directions: 24. */
const EXTRA_LINKS = PRODUCT_SIDES.flatMap((product) =>
  ["post", "comment"].flatMap((blog) => [
    `ProductModule.linkable.${product}, BlogModule.linkable.${blog}`,
    `BlogModule.linkable.${blog}, ProductModule.linkable.${product}`,
  ]),
)
/** File names sort before `p-…`, so the plan runs these creates before the base links' actions. */
const linkFiles = (prefix: string, from: number, to: number) =>
  Object.fromEntries(
    EXTRA_LINKS.slice(from, to).map((args, i) => [
      `src/links/${prefix}${String(i).padStart(2, "0")}.ts`,
      linkFile(args),
    ]),
  )

const productComment = (commentIsList: boolean) =>
  linkFile(
    `{ linkable: ProductModule.linkable.product, isList: true }, { linkable: BlogModule.linkable.comment, isList: ${commentIsList} }`,
  )

describe.skipIf(!backendKinds.includes("postgres"))("link sync killed or failing mid-transaction", () => {
  let fresh: FreshDatabase
  let project: Project
  let admin: pg.Client
  let database: string

  const sync = (...flags: string[]) =>
    startCli(["--database-url", fresh.url, "db:sync-links", "--execute-all", ...flags], project.dir)
  const snapshot = async () => {
    const db = openPostgres(fresh.url, { max: 1 })
    try {
      return await snapshotSchema(db)
    } finally {
      await db.close()
    }
  }

  beforeAll(async () => {
    fresh = await freshDatabase("postgres")
    database = new URL(fresh.url).pathname.slice(1)
    admin = new pg.Client({ connectionString: fresh.url })
    await admin.connect()
    project = createProject({
      ...configFile(),
      ...blogModuleFiles(),
      "src/links/p-product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
      "src/links/p-product-comment.ts": productComment(true),
    })
    const first = await sync().done
    expect(first.code, first.output).toBe(0)
  })
  afterAll(async () => {
    await admin?.end()
    project?.cleanup()
    await fresh?.drop()
  })

  it(`leaves tables and registry exactly as before when killed ${KILLS} times, then completes`, async () => {
    project.write(linkFiles("a", 0, 20))
    const before = await snapshot()
    expect(before.registry).toHaveLength(2)

    for (let kill = 0; kill < KILLS; kill++) {
      await admin.query("begin")
      await admin.query("lock table modlink_links in exclusive mode")
      const run = sync()
      const blocked = await waitForBlockedSession(admin, database, /modlink_links/)
      // It had written (20 tables created) and now waits at the registry write: kill it there.
      expect(blocked.xid).not.toBeNull()
      run.child.kill("SIGKILL")
      expect((await run.done).signal).toBe("SIGKILL")
      await admin.query("rollback")
      await waitForSessionEnd(admin, blocked.pid)
      expect(await snapshot()).toEqual(before)
    }

    const completed = await sync().done
    expect(completed.code, completed.output).toBe(0)
    const after = await snapshot()
    expect(after.registry).toHaveLength(22)
    expect(Object.keys(after.tables).filter((t) => !(t in before.tables))).toHaveLength(20)
  })

  it("leaves everything as before when a statement fails half-way, then completes once the data allows", async () => {
    // A product linked to two comments, then the definition narrowed to "a product has one comment"
    // (isList off on the comment side): the unique index the sync must build fails on that data,
    // after four new tables were created in the same transaction.
    const app = await createApp({ cwd: project.dir, databaseUrl: fresh.url, ...UNCHECKED_LINKS })
    const pairs = ["com_1", "com_2"].map((id) => ({
      product: { product_id: "prod_1" },
      blog: { comment_id: id },
    }))
    await app.link.create(pairs)
    project.write({ ...linkFiles("b", 20, 24), "src/links/p-product-comment.ts": productComment(false) })
    const before = await snapshot()

    const failed = await sync().done
    expect(failed.code, failed.output).not.toBe(0)
    expect(failed.output).toMatch(/nothing was changed/i)
    expect(await snapshot()).toEqual(before)

    await app.link.dismiss(pairs[1])
    await app.close()
    const completed = await sync().done
    expect(completed.code, completed.output).toBe(0)
    const after = await snapshot()
    expect(after.registry).toHaveLength(26)
    const narrowed = after.registry.find((row) => row.table_name === "product_product_blog_comment")
    expect(narrowed?.definition.right.isList).toBe(false)
  })
})
