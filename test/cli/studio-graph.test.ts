import { spawn } from "node:child_process"
import { rmSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { prepareDemoApp } from "../../src/cli/demo/prepare-demo-app.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { BIN, runCli, show } from "./run-cli.ts"

/** Starts `modlink studio` in `cwd`, waits for the URL it prints, and hands back how to stop it. */
function startStudioCli(cwd: string, databaseUrl: string, args: string[]) {
  const env = { ...process.env, NO_COLOR: "1", DATABASE_URL: databaseUrl }
  const child = spawn(process.execPath, [BIN, "studio", "--port", "0", "--no-open", ...args], { cwd, env })
  let stdout = ""
  let stderr = ""
  child.stderr.on("data", (chunk) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk
      const found = stdout.match(/http:\/\/\S+\?token=\S+/)
      if (found) resolve(found[0])
    })
    exited.then(() => reject(new Error(`studio exited before printing its URL:\n${stdout}\n${stderr}`)))
  })
  return {
    url,
    stderr: () => stderr,
    stop: async () => {
      child.kill("SIGTERM")
      return exited
    },
  }
}

describe("modlink studio and modlink graph (the demo app)", () => {
  let dir: string
  let database: FreshDatabase
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env: { DATABASE_URL: database.url } })
  beforeAll(async () => {
    dir = prepareDemoApp()
    // The server starts faster than a new embedded database; nothing here depends on the backend.
    database = await freshDatabase(backendKinds.includes("postgres") ? "postgres" : "pglite")
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await database?.drop()
  })

  test("studio prints a URL with its token; the API answers with it, refuses without it; SIGTERM stops it", async () => {
    const studio = startStudioCli(dir, database.url, [])
    const url = new URL(await studio.url)
    expect(url.hostname).toBe("127.0.0.1")
    const token = url.searchParams.get("token")!
    const schema = await fetch(new URL("/api/schema", url), { headers: { "x-modlink-token": token } })
    expect(schema.status).toBe(200)
    const body = (await schema.json()) as { write: boolean; graph: { links: unknown[] } }
    expect(body.write).toBe(false)
    expect(body.graph.links).toHaveLength(3)
    expect((await fetch(new URL("/api/schema", url))).status).toBe(401)
    const page = await fetch(new URL("/", url))
    expect(await page.text()).toContain("modlink studio")
    expect(await studio.stop()).toBe(0)
  })

  test("studio warns when it listens beyond loopback", async () => {
    const studio = startStudioCli(dir, database.url, ["--host", "0.0.0.0"])
    await studio.url
    expect(studio.stderr()).toContain("warning studio listens on 0.0.0.0")
    await studio.stop()
    const bad = await cli("studio", "--port", "nope", "--no-open")
    expect(bad.code, show(bad)).toBe(1)
    expect(bad.stderr).toContain("--port nope")
  })

  test("graph prints every module, model and link as mermaid, and as dot", async () => {
    const mermaid = await cli("graph")
    expect(mermaid.code, show(mermaid)).toBe(0)
    expect(mermaid.stdout).toMatch(/^flowchart LR/)
    for (const name of ["module product", "module blog", "product__product_variant", "blog__comment"]) {
      expect(mermaid.stdout).toContain(name)
    }
    expect(mermaid.stdout).toContain('product__product -->|"1:1 product_product_blog_post')
    expect(mermaid.stdout).toContain("cascade product → post")
    expect(mermaid.stdout).toContain('blog__post -->|"N:N blog_post_product_product_tag')
    expect(mermaid.stdout).toContain("+ position, pinned")
    expect(mermaid.stdout).toContain('blog__post -.-|"1:N post.comments / comment.post"| blog__comment')
    expect(mermaid.stdout).toContain(
      'product__product -.-|"N:N product.tags / product_tag.products"| product__product_tag',
    )

    const dot = await cli("graph", "--format", "dot")
    expect(dot.code, show(dot)).toBe(0)
    expect(dot.stdout).toMatch(/^digraph modlink \{/)
    expect(dot.stdout).toContain('subgraph "cluster_blog"')
    expect(dot.stdout).toContain(
      '"product.product" -> "blog.post" [style=bold, label="1:1 product_product_blog_post',
    )

    const wrong = await cli("graph", "--format", "svg")
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain("mermaid")
  })
})
