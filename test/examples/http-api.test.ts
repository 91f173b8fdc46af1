import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { childEnv, REPO, runCli, show } from "../cli/run-cli.ts"

const SERVER = join(REPO, "examples", "http-api", "server.js")
const PRODUCTS = 5

interface Answer {
  status: number
  body: any
}

/**
 * examples/http-api: the Hono server, started with plain `node` on a loopback port, serving a copy
 * of the blog example (migrated and seeded on its embedded database) through query.graph.
 */
describe("examples/http-api serves query.graph over HTTP", { timeout: 300_000 }, () => {
  let project: string
  let server: ChildProcessWithoutNullStreams
  let output = ""
  let base: string
  const get = async (query: string): Promise<Answer> => {
    const response = await fetch(`${base}/products?${query}`)
    return { status: response.status, body: await response.json() }
  }

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), "modlink-http-"))
    cpSync(join(REPO, "examples", "blog"), project, {
      recursive: true,
      filter: (source) => basename(source) !== ".modlink",
    })
    const migrate = await runCli(["db:migrate"], { cwd: project })
    expect(migrate.code, show(migrate)).toBe(0)
    const seed = await runCli(["exec", "./src/scripts/seed.ts", String(PRODUCTS)], { cwd: project })
    expect(seed.code, show(seed)).toBe(0)
    server = spawn(process.execPath, [SERVER, project], { env: childEnv({ PORT: "0" }) })
    base = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (match) resolve(match[1])
      }
      server.stdout.on("data", read)
      server.stderr.on("data", read)
      server.on("exit", (code) => reject(new Error(`server exited ${code}:\n${output}`)))
    })
  })
  afterAll(() => {
    if (server && server.exitCode === null) server.kill("SIGKILL")
    if (project) rmSync(project, { recursive: true, force: true })
  })

  it("answers fields through a link, with the count when paginated", async () => {
    const { status, body } = await get("fields=title,post.title&take=2&order=%7B%22title%22%3A%22ASC%22%7D")
    expect(status).toBe(200)
    expect(body.metadata).toEqual({ count: PRODUCTS, skip: 0, take: 2 })
    expect(body.data).toHaveLength(2)
    for (const product of body.data) {
      expect(product.post.title).toContain(product.title)
    }
    expect(body.data[0].title < body.data[1].title).toBe(true)
  })

  it("filters through the link from the query string", async () => {
    const all = await get("fields=title,post.title")
    const wanted = all.body.data[1]
    const filters = encodeURIComponent(JSON.stringify({ post: { title: { $eq: wanted.post.title } } }))
    const { status, body } = await get(`fields=title&filters=${filters}`)
    expect(status).toBe(200)
    expect(body.data.map((p: { title: string }) => p.title)).toEqual([wanted.title])
  })

  it("answers 400 with modlink's message for a field that does not exist", async () => {
    const { status, body } = await get("fields=title,posts.title")
    expect(status).toBe(400)
    expect(body.error.code).toBe("UNKNOWN_FIELD")
    expect(body.error.message).toContain('"posts"')
    expect(body.error.hint).toContain("post")
  })

  it("answers 400 for a malformed query string, naming the parameter", async () => {
    const notJson = await get("fields=title&filters=%7Bnope")
    expect(notJson.status).toBe(400)
    expect(notJson.body.error.message).toBe("filters is not JSON: {nope")
    const unknown = await get("fields=title&limit=3")
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.message).toBe('Unknown parameter "limit"')
    const take = await get("fields=title&take=-1")
    expect(take.status).toBe(400)
    expect(take.body.error.message).toBe('take must be a whole number ≥ 0, got "-1"')
    const none = await get("")
    expect(none.status).toBe(400)
    expect(none.body.error.message).toBe("fields is required")
  })

  it("closes the app on SIGTERM: the process ends and the embedded database is released", async () => {
    const lock = join(project, ".modlink", "main", "modlink.lock")
    expect(existsSync(lock)).toBe(true)
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)))
    server.kill("SIGTERM")
    expect(await exited, output).toBe(0)
    expect(output).toContain("closed")
    expect(existsSync(lock)).toBe(false)
  })
})
