import { afterAll, beforeAll, expect, it } from "vitest"
import type { App } from "../../../src/app/index.ts"
import { sql } from "../../../src/db/index.ts"
import { isModlinkError } from "../../../src/errors/index.ts"
import { createLinkService } from "../../../src/link/service/index.ts"
import { describeBackends } from "../../support/backends.ts"
import { createProject, type Project } from "../../support/project.ts"
import { startApp } from "../../support/start-app.ts"
import { countStatements, linkServiceProject } from "./link-project.ts"

describeBackends("link.create refuses dangling links", ({ url }) => {
  let project: Project
  let app: App
  let product: string
  let post: string
  let tag: string
  let deletedPost: string
  const liveRows = async (table: string) =>
    (await app.db.query(sql`select * from ${sql.id(table)} where deleted_at is null`)).rows

  beforeAll(async () => {
    project = createProject(linkServiceProject())
    app = await startApp(project.dir, url())
    product = (await app.resolve("product").createProducts({ title: "Shirt", handle: "shirt" })).id
    tag = (await app.resolve("product").createProductTags({ value: "cotton" })).id
    const [live, deleted] = await app.resolve("blog").createPosts([{ title: "Review" }, { title: "Gone" }])
    post = live.id
    deletedPost = deleted.id
    await app.resolve("blog").softDeletePosts(deletedPost)
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
  })

  it("links records that exist", async () => {
    const rows = await app.link.create({ product: { product_id: product }, blog: { post_id: post } })
    expect(rows).toHaveLength(1)
    await app.link.dismiss({ product: { product_id: product }, blog: { post_id: post } })
  })

  it("refuses the whole batch naming every missing id, and writes nothing", async () => {
    const error = await app.link
      .create([
        { product: { product_tag_id: tag }, blog: { post_id: post } },
        { product: { product_id: "prod_nope" }, blog: { post_id: post } },
        { product: { product_tag_id: tag }, blog: { post_id: "post_nope" } },
      ])
      .catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("NOT_FOUND")
    expect((error as Error).message).toContain('product "prod_nope"')
    expect((error as Error).message).toContain('post "post_nope"')
    expect((error as Error).message).toContain("checkRecords: false")
    expect(await liveRows("product_product_tag_blog_post")).toEqual([])
    expect(await liveRows("product_product_blog_post")).toEqual([])
  })

  it("refuses a soft-deleted record", async () => {
    const error = await app.link
      .create({ product: { product_id: product }, blog: { post_id: deletedPost } })
      .catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("NOT_FOUND")
    expect((error as Error).message).toContain(`post "${deletedPost}"`)
  })

  it("stores the link as given with { checkRecords: false }", async () => {
    const [row] = await app.link.create(
      { product: { product_id: "prod_external" }, blog: { post_id: post } },
      { checkRecords: false },
    )
    expect(row.product_id).toBe("prod_external")
  })

  it("checks a batch over several links inside its writes: no statement of its own on the links' database", async () => {
    const counted = countStatements(app.db)
    const service = createLinkService({
      links: app.links,
      databases: new Map([["main", counted.db]]),
      placement: app.placement,
      modules: app.modules.map((m) => ({ name: m.definition.name, models: m.definition.models })),
    })
    const batch = [
      { product: { product_tag_id: tag }, blog: { post_id: post } },
      { blog: { post_id: post }, product: { product_tag_id: tag } },
    ]
    await service.create(batch, { checkRecords: false })
    const unchecked = counted.count()
    await service.create(batch)
    expect(counted.count() - unchecked).toBe(unchecked)
    // Checked all the same: a missing record on either link refuses the batch.
    const error = await service
      .create([batch[0], { blog: { post_id: "post_nope" }, product: { product_tag_id: tag } }])
      .catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("NOT_FOUND")
    expect((error as Error).message).toContain('post "post_nope"')
  })
})
