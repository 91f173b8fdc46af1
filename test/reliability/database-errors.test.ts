import { createServer, type Server, type Socket } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openPostgres } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { runCli, show } from "../cli/run-cli.ts"
import { backendKinds, type FreshDatabase, freshDatabase, SERVER_URL } from "../support/backends.ts"
import { configFile, createProject, type Project } from "../support/project.ts"

/**
 * Every database failure a user meets on their own project says what is wrong and the command that
 * fixes it; the SQL appears only with --verbose. Run through the CLI, as users meet them.
 */

/** A TCP server that accepts connections and never says a word: a wrong port, a hung proxy. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function serverUrl(change: (url: URL) => void): string {
  const url = new URL(SERVER_URL)
  change(url)
  return url.toString()
}

describe("database URLs and connections", () => {
  let project: Project
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: project.dir, env })
  beforeAll(() => {
    project = createProject(configFile([]))
  })
  afterAll(() => project?.cleanup())

  it("refuses a URL of another database, and text that is no URL, naming what is accepted", async () => {
    const mysql = await cli(["query", "product", "--database-url", "mysql://root:secret@localhost/shop"])
    expect(mysql.code, show(mysql)).toBe(1)
    expect(mysql.stderr).toContain('Database URL scheme "mysql:" is not supported')
    expect(mysql.stderr).not.toContain("secret")
    expect(mysql.stderr).toContain("postgres://user:password@host:5432/database")

    const words = await cli(["query", "product", "--database-url", "not a url"])
    expect(words.code, show(words)).toBe(1)
    expect(words.stderr).toContain('Database URL "not a url" is not a URL')
  })

  it("says a refused connection may mean no server, and how to use the embedded database", async () => {
    const port = await closedPort()
    const result = await cli(["query", "product"], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/shop`,
    })
    expect(result.code, show(result)).toBe(1)
    expect(result.stderr).toContain(`connection refused at 127.0.0.1:${port}`)
    expect(result.stderr).toContain(`is a PostgreSQL server running at 127.0.0.1:${port}?`)
    expect(result.stderr).toContain("unset DATABASE_URL")
  })

  it("gives up on a server that accepts and never answers, naming the connect timeout", async () => {
    const silent = await silentServer()
    try {
      const url = `postgres://postgres@127.0.0.1:${silent.port}/shop`
      const result = await cli(["query", "product"], { DATABASE_URL: url, MODLINK_CONNECT_TIMEOUT_MS: "500" })
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toContain(
        `connect timeout: no answer from 127.0.0.1:${silent.port} within 500 ms`,
      )
      expect(result.stderr).toContain("MODLINK_CONNECT_TIMEOUT_MS")

      // The library too: a query fails instead of waiting forever.
      const db = openPostgres(url, { connectTimeout: 300 })
      const error = await db.query("select 1").catch((e: unknown) => e)
      await db.close()
      expect(isModlinkError(error) && error.code).toBe("DATABASE")
      expect((error as Error).message).toContain("connect timeout")
    } finally {
      await silent.close()
    }
  })

  it("refuses a pglite: folder whose parent does not exist as a user error", async () => {
    const result = await cli(["query", "product", "--database-url", `pglite:${project.dir}/no/such/folder`])
    expect(result.code, show(result)).toBe(1)
    expect(result.stderr).toContain(`${project.dir}/no/such does not exist`)
    expect(result.stderr).toContain(`mkdir -p ${project.dir}/no/such`)
  })

  it.skipIf(!backendKinds.includes("postgres"))(
    "names a missing database with the createdb command",
    async () => {
      const url = serverUrl((u) => {
        u.pathname = "/modlink_no_such_database"
      })
      const result = await cli(["query", "product"], { DATABASE_URL: url })
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toContain('database "modlink_no_such_database" does not exist')
      expect(result.stderr).toMatch(/createdb -h \S+ -p \d+ -U \S+ modlink_no_such_database/)
    },
  )

  it.skipIf(!backendKinds.includes("postgres"))("names failed authentication", async () => {
    const url = serverUrl((u) => {
      u.username = "modlink_no_such_role"
    })
    const result = await cli(["query", "product"], { DATABASE_URL: url })
    expect(result.code, show(result)).toBe(1)
    expect(result.stderr).toContain('authentication failed for user "modlink_no_such_role"')
    expect(result.stderr).toContain("check the user and password")
  })

  it.skipIf(!backendKinds.includes("postgres"))("names the statement timeout as such", async () => {
    const db = openPostgres(SERVER_URL, { statementTimeout: 50 })
    const error = await db.query("select pg_sleep(2)").catch((e: unknown) => e)
    await db.close()
    expect((error as Error).message).toContain("statement timeout: the statement ran longer than 50 ms")
    expect((error as Error).message).toContain("raise statementTimeout")
  })
})

for (const kind of backendKinds) {
  describe(`schema behind the models [${kind}]`, () => {
    let project: Project
    let database: FreshDatabase
    const cli = (...args: string[]) => runCli(args, { cwd: project.dir, env: { DATABASE_URL: database.url } })
    beforeAll(async () => {
      database = await freshDatabase(kind)
      project = createProject(configFile([]))
    })
    afterAll(async () => {
      project?.cleanup()
      await database?.drop()
    })

    it("a database never migrated: the table is named and the fix is db:migrate; SQL only with --verbose", async () => {
      const result = await cli("query", "product", "--fields", "title")
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toContain('table "product" does not exist')
      expect(result.stderr).toContain("run `modlink db:migrate`")
      expect(result.stderr).not.toMatch(/select/i)

      const verbose = await cli("query", "product", "--fields", "title", "--verbose")
      expect(verbose.stderr).toMatch(/sql: select/i)
    })

    it("a model ahead of its migration: the column is named and the fix is db:generate then db:migrate", async () => {
      const migrated = await cli("db:migrate")
      expect(migrated.code, show(migrated)).toBe(0)
      const db = await database.open()
      try {
        await db.exec("alter table product drop column subtitle")
      } finally {
        await db.close()
      }
      const result = await cli("query", "product", "--fields", "title,subtitle")
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toMatch(/column \S*subtitle does not exist/)
      expect(result.stderr).toContain("`modlink db:generate <module>`")
      expect(result.stderr).toContain("then `modlink db:migrate`")
    })
  })
}
