import { afterAll, beforeAll, expect, it } from "vitest"
import type { App } from "../../src/app/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { describeBackends } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, linkFile, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"

describeBackends("auto cascade that fails", ({ url }) => {
  let project: Project
  let app: App
  beforeAll(async () => {
    project = createProject({
      ...configFile(),
      ...blogModuleFiles(),
      "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
    })
    app = await startApp(project.dir, url())
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
  })

  it("rolls the records' change back with the cascade: both share one transaction on one database", async () => {
    const blog = app.resolve("blog")
    const post = await blog.createPosts({ title: "orphan to be" })
    // The link table vanishing is the simplest way to make the cascade's own statement fail.
    await app.db.query("drop table product_product_blog_post")
    const error = await blog.softDeletePosts([post.id]).catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("CASCADE_FAILED")
    expect((error as Error).message).toMatch(
      /softDelete of 1 post record\(s\) rolled back: their link cascade failed/,
    )
    expect((error as { hint?: string }).hint).toBe(
      "nothing was changed; fix the cause and make the same call again",
    )
    expect(await blog.listPosts({ id: post.id })).toMatchObject([{ id: post.id }])
  })
})
