import { afterAll, beforeAll, expect, it } from "vitest"
import { createApp } from "../../src/app/index.ts"
import { sql } from "../../src/db/index.ts"
import { startCli } from "../reliability/support/cli-process.ts"
import { describeBackends } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, linkFile, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"

/**
 * A script run by `modlink exec` writes a product, a post and their link inside
 * `container.transaction`, says so, and then hangs with the transaction open (or returns, when
 * asked to commit). The test SIGKILLs it mid-transaction: nothing of it may survive.
 */
const SCRIPT = `
export default async function ({ container, args }) {
  const [title, mode] = args
  await container.transaction(async (scope) => {
    const product = await scope.resolve("product").createProducts({ title, handle: title })
    const post = await scope.resolve("blog").createPosts({ title })
    await scope.resolve("link").create({ product: { product_id: product.id }, blog: { post_id: post.id } })
    console.log("INSIDE")
    if (mode === "hang") await new Promise(() => setInterval(() => {}, 1000))
  })
  console.log("COMMITTED")
}
`

describeBackends("a transaction in an exec script", ({ url }) => {
  let project: Project
  beforeAll(async () => {
    project = createProject({
      ...configFile(),
      ...blogModuleFiles(),
      "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
      "src/scripts/tx.ts": SCRIPT,
    })
    // The tables, then closed: a PGlite folder is opened by one process at a time.
    await (await startApp(project.dir, url())).close()
  })
  afterAll(() => project?.cleanup())

  async function rows(title: string) {
    const app = await createApp({ cwd: project.dir, databaseUrl: url() })
    try {
      const count = async (table: string) =>
        (await app.db.query<{ n: number }>(sql`select count(*)::int as n from ${sql.id(table)}`)).rows[0].n
      return {
        product: (await app.resolve("product").listProducts({ title })).length,
        post: (await app.resolve("blog").listPosts({ title })).length,
        links: await count("product_product_blog_post"),
      }
    } finally {
      await app.close()
    }
  }

  it("leaves nothing when the process is killed (kill -9) inside the transaction", async () => {
    const run = startCli(
      ["--database-url", url(), "exec", "./src/scripts/tx.ts", "killed", "hang"],
      project.dir,
    )
    await new Promise<void>((resolve, reject) => {
      run.child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("INSIDE")) resolve()
      })
      run.done.then(({ output }) => reject(new Error(`exited before the transaction was open:\n${output}`)))
    })
    run.child.kill("SIGKILL")
    const { signal } = await run.done
    expect(signal).toBe("SIGKILL")
    expect(await rows("killed")).toEqual({ product: 0, post: 0, links: 0 })
  })

  it("commits all of it when the script's callback returns", async () => {
    const { code, output } = await startCli(
      ["--database-url", url(), "exec", "./src/scripts/tx.ts", "kept", "commit"],
      project.dir,
    ).done
    expect(output).toContain("COMMITTED")
    expect(code).toBe(0)
    expect(await rows("kept")).toEqual({ product: 1, post: 1, links: 1 })
  })
})
