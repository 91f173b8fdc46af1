import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { App } from "../../../src/app/index.ts"
import { type Database, openPostgres } from "../../../src/db/index.ts"
import { isModlinkError } from "../../../src/errors/index.ts"
import { createLinkService, type LinkService } from "../../../src/link/service/index.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../../support/backends.ts"
import { createProject, type Project } from "../../support/project.ts"
import { startApp } from "../../support/start-app.ts"
import { linkServiceProject } from "./link-project.ts"

const CLIENTS = 16

/** Concurrent writers need separate connections: PGlite serialises everything, so server only. */
describe.runIf(backendKinds.includes("postgres"))("link.create races [postgres]", () => {
  let fresh: FreshDatabase
  let project: Project
  let app: App
  const clients: Array<{ db: Database; link: LinkService }> = []

  beforeAll(async () => {
    fresh = await freshDatabase("postgres")
    project = createProject(linkServiceProject())
    app = await startApp(project.dir, fresh.url)
    for (let i = 0; i < CLIENTS; i++) {
      const db = openPostgres(fresh.url, { max: 1 })
      clients.push({
        db,
        link: createLinkService({
          links: app.links,
          databases: new Map([["main", db]]),
          placement: app.placement,
        }),
      })
    }
  })
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.db.close()))
    await app?.close()
    await fresh?.drop()
    project?.cleanup()
  })

  it("many clients linking different posts to one product on a 1:1 link: exactly one wins", async () => {
    const results = await Promise.allSettled(
      clients.map((c, i) =>
        c.link.create({ product: { product_id: "prod_race" }, blog: { post_id: `post_${i}` } }),
      ),
    )
    const won = results.filter((r) => r.status === "fulfilled")
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected")
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(CLIENTS - 1)
    for (const { reason } of lost) {
      expect(isModlinkError(reason) && reason.code).toBe("CARDINALITY")
      expect(reason.message).toContain('product "prod_race" is already linked to post')
    }
    const live = await app.link.list({ product: { product_id: "prod_race" }, blog: { post_id: undefined } })
    expect(live).toHaveLength(1)
  })

  it("many clients creating the same pair at once leave one row", async () => {
    const results = await Promise.allSettled(
      clients.map((c, i) =>
        c.link.create({
          product: { product_id: "prod_same" },
          blog: { post_id: "post_same" },
          data: { rank: i },
        }),
      ),
    )
    expect(results.every((r) => r.status === "fulfilled")).toBe(true)
    expect(
      await app.link.list({ product: { product_id: "prod_same" }, blog: {} }, { withDeleted: true }),
    ).toHaveLength(1)
  })
})
