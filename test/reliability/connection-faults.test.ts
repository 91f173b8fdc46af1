import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { App } from "../../src/app/index.ts"
import { type Database, openPostgres, sqlStateOf } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"
import {
  type PrivatePostgres,
  privatePostgresMissing,
  startPrivatePostgres,
} from "./support/private-postgres.ts"

/** Resolves once the server shows `query` running in a session: the restart must hit it mid-flight. */
async function waitUntilRunning(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (;;) {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_activity where state = 'active' and query = $1",
        [query],
      )
      if (rows[0].n > 0) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    await client.end()
  }
}

const missing = privatePostgresMissing()
if (missing)
  console.warn(`\n!!! connection faults: no private PostgreSQL 15 (${missing}); restart test skipped !!!\n`)

describe.skipIf(missing !== undefined)("server restarted during a query", () => {
  let server: PrivatePostgres
  let db: Database

  beforeAll(async () => {
    server = await startPrivatePostgres()
    db = openPostgres(server.url, { max: 4 })
  })
  afterAll(async () => {
    await db?.close()
    await server?.stop()
  })

  it("fails the running query clearly, then the pool recovers", async () => {
    // Fill the pool with idle connections first: all of them die in the restart too.
    await Promise.all([1, 2, 3].map((n) => db.query(`select ${n}`)))
    const sleep = "select pg_sleep(60) as slept"
    const running = db.query(sleep).then(
      () => undefined,
      (error: unknown) => error,
    )
    await waitUntilRunning(server.url, sleep)
    await server.restart()

    const error = await running
    expect(isModlinkError(error), String(error)).toBe(true)
    // The message names the database and what happened to the connection.
    expect((error as Error).message).toMatch(
      /Database postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres failed:/,
    )
    expect((error as Error).message).toMatch(/terminat|connection/i)

    // Every pooled connection was killed; the next queries must open fresh ones, not fail.
    const after = await Promise.all([1, 2, 3, 4, 5].map((n) => db.query<{ n: number }>(`select ${n} as n`)))
    expect(after.map((r) => r.rows[0].n)).toEqual([1, 2, 3, 4, 5])
    expect(
      await db.transaction(async (tx) => (await tx.query<{ ok: number }>("select 1 as ok")).rows[0].ok),
    ).toBe(1)
  })

  it("an app keeps answering queries and service calls after the restart", async () => {
    const project = createProject({ ...configFile(), ...blogModuleFiles() })
    const app = await startApp(project.dir, server.url)
    try {
      const blog = app.resolve("blog")
      await blog.createPosts([{ title: "before" }])
      const sleep = "select pg_sleep(60) as app_slept"
      const running = app.db.query(sleep).then(
        () => undefined,
        (error: unknown) => error,
      )
      await waitUntilRunning(server.url, sleep)
      await server.restart()
      expect(isModlinkError(await running)).toBe(true)
      const { data } = await app.query.graph({ entity: "post", fields: ["title"] })
      expect(data.map((row) => row.title)).toEqual(["before"])
      await blog.createPosts([{ title: "after" }])
      expect(
        (await blog.listPosts({}, { order: { title: "ASC" } })).map((p: { title: string }) => p.title),
      ).toEqual(["after", "before"])
    } finally {
      await app.close()
      project.cleanup()
    }
  })

  it("a transaction cut by the restart rolls back and the next one commits", async () => {
    await db.exec("create table if not exists fault_probe (n int)")
    const sleep = "select pg_sleep(60) as in_tx"
    const failed = db
      .transaction(async (tx) => {
        await tx.query("insert into fault_probe values (1)")
        await tx.query(sleep)
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      )
    await waitUntilRunning(server.url, sleep)
    await server.restart()
    expect(isModlinkError(await failed)).toBe(true)
    await db.transaction((tx) => tx.query("insert into fault_probe values (2)"))
    const { rows } = await db.query<{ n: number }>("select n from fault_probe order by n")
    expect(rows).toEqual([{ n: 2 }])
  })
})

describe.skipIf(!backendKinds.includes("postgres"))("statement timeout from config", () => {
  let fresh: FreshDatabase
  let project: Project
  let app: App

  beforeAll(async () => {
    fresh = await freshDatabase("postgres")
    project = createProject({
      ...configFile(["./src/modules/blog"], "\n  statementTimeout: 200,"),
      ...blogModuleFiles(),
    })
    app = await startApp(project.dir, fresh.url)
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
    await fresh?.drop()
  })

  it("cancels a statement that runs longer, with a clear error, and the app keeps working", async () => {
    const { rows } = await app.db.query<{ statement_timeout: string }>("show statement_timeout")
    expect(rows[0].statement_timeout).toBe("200ms")
    const error = await app.db.query("select pg_sleep(5)").then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isModlinkError(error)).toBe(true)
    // 57014 query_canceled: the server cancelled it, the 5 seconds did not run out.
    expect(sqlStateOf(error)).toBe("57014")
    expect((error as Error).message).toMatch(/statement timeout/)
    const blog = app.resolve("blog")
    await blog.createPosts([{ title: "still works" }])
    expect((await blog.listPosts({ title: "still works" })).length).toBe(1)
  })
})
