import { afterAll, beforeAll, expect, it } from "vitest"
import type { App } from "../../../src/app/index.ts"
import type { ModlinkError } from "../../../src/errors/index.ts"
import { describeBackends, type FreshDatabase, freshDatabase } from "../../support/backends.ts"
import { createProject, type Project } from "../../support/project.ts"
import { startApp } from "../../support/start-app.ts"
import { liveIds, seedCycle } from "../cascade/cascade-fixture.ts"
import { cascadeProject } from "./link-project.ts"

const FAIL_POST_UPDATES = `
create function modlink_test_refuse() returns trigger language plpgsql as $$
begin raise exception 'post is read-only for this test'; end $$;
create trigger modlink_test_refuse before update on post for each row execute function modlink_test_refuse();
`

describeBackends("cascade across databases (review on its own database)", ({ kind, url }) => {
  let project: Project
  let app: App
  let reviewDatabase: FreshDatabase

  beforeAll(async () => {
    reviewDatabase = await freshDatabase(kind)
    project = createProject(cascadeProject(reviewDatabase.url))
    app = await startApp(project.dir, url())
  })
  afterAll(async () => {
    await app?.close()
    await reviewDatabase?.drop()
    project?.cleanup()
  })

  it("deletes and restores records on both databases", async () => {
    expect(app.placement.get("review")).toBe("review")
    const g = await seedCycle(app)
    const report = await app.link.delete({ product: { product_id: g.p1 } })
    expect(report.records.review.review_id.sort()).toEqual([g.rev1, g.rev2].sort())
    expect(await liveIds(app, "review", "review")).not.toContain(g.rev1)
    expect(await liveIds(app, "blog", "post")).not.toContain(g.postC)

    const restored = await app.link.restore({ product: { product_id: g.p1 } })
    expect(restored.records.review.review_id.sort()).toEqual([g.rev1, g.rev2].sort())
    expect(await liveIds(app, "review", "review")).toEqual(expect.arrayContaining([g.rev1, g.rev2]))
    expect(await liveIds(app, "blog", "post")).toEqual(expect.arrayContaining([g.postA, g.postB, g.postC]))
    expect(await app.link.list({ product: { product_id: [g.p1, g.p2] } })).toHaveLength(6)
  })

  it("a failure on the main database says what was committed, and running the call again finishes it", async () => {
    const g = await seedCycle(app)
    await app.db.exec(FAIL_POST_UPDATES)
    let error: ModlinkError | undefined
    try {
      await app.link.delete({ product: { product_id: g.p1 } })
    } catch (caught) {
      error = caught as ModlinkError
    } finally {
      await app.db.exec("drop trigger modlink_test_refuse on post; drop function modlink_test_refuse();")
    }
    expect(error?.code).toBe("CASCADE_FAILED")
    expect(error?.message).toContain("post is read-only for this test")
    expect(error?.hint).toMatch(/committed: 2 review\.review on .*; not done: link rows and .*blog\.post/)
    expect(error?.hint).toContain("call link.delete with the same input again to finish it")
    expect(await liveIds(app, "review", "review")).not.toContain(g.rev1)
    expect(await liveIds(app, "blog", "post")).toContain(g.postA)
    expect(await app.link.list({ product: { product_id: g.p1 } })).toHaveLength(4)

    const finished = await app.link.delete({ product: { product_id: g.p1 } })
    expect(finished.cascades).toEqual([error?.details?.cascade])
    expect(finished.records.blog.post_id.sort()).toEqual([g.postA, g.postB, g.postC].sort())
    expect(await liveIds(app, "blog", "post")).not.toContain(g.postA)
    expect(await app.link.list({ product: { product_id: [g.p1, g.p2] } })).toEqual([])

    await app.link.restore({ product: { product_id: g.p1 } })
    expect(await liveIds(app, "review", "review")).toEqual(expect.arrayContaining([g.rev1, g.rev2]))
    expect(await app.link.list({ product: { product_id: [g.p1, g.p2] } })).toHaveLength(6)
  })
})
