import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type App, createApp } from "../../src/app/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { blogModuleFiles, createProject, linkFile, type Project } from "../support/project.ts"
import { createPushedApp } from "../support/push-schema.ts"
import {
  queryServer,
  type ReplicatedCluster,
  serverBinariesPresent,
  startReplicatedCluster,
} from "../support/replica-cluster.ts"

type Row = Record<string, any>

const MODULES = ["modlink/product", "./src/modules/blog"]

function projectFiles(): Record<string, string> {
  return {
    ...blogModuleFiles(),
    "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
  }
}

if (!serverBinariesPresent) {
  console.warn("\n!!! No PostgreSQL server binaries: the read replica tests are skipped !!!\n")
}

/**
 * A primary with two streaming replicas started by the test. Replication is asynchronous, so the
 * tests wait for replay where they need the replicas current, and pause it where they need one
 * behind: a row only the primary (or one replica) has shows which server answered.
 */
describe.skipIf(!serverBinariesPresent)("read replicas", () => {
  let cluster: ReplicatedCluster
  let project: Project
  let app: App
  let products: Row

  const productCount = async (read: () => Promise<Row[]>) => (await read()).length
  const titles = () => app.query.graph<Row>({ entity: "product", fields: ["title", "post.title"] })

  beforeAll(async () => {
    cluster = await startReplicatedCluster(2)
    project = createProject(projectFiles())
    app = await createPushedApp({
      cwd: project.dir,
      config: {
        databaseUrl: cluster.primary.url,
        replicas: cluster.replicas.map((replica) => replica.url),
        modules: MODULES,
      },
    })
    products = app.resolve("product")
    const [product] = await products.createProducts([{ title: "Shirt", handle: "shirt" }])
    const [post] = await app.resolve("blog").createPosts([{ title: "About the shirt" }])
    await app.link.create({ product: { product_id: product.id }, blog: { post_id: post.id } })
    await cluster.caughtUp()
  }, 120_000)

  afterAll(async () => {
    await app?.close()
    project?.cleanup()
    await cluster?.stop()
  }, 60_000)

  it("the replicas are standbys of the primary, and reads see the primary's writes once replayed", async () => {
    for (const replica of cluster.replicas) {
      expect(await queryServer<boolean>(replica.url, "select pg_is_in_recovery()")).toBe(true)
    }
    expect((await titles()).data).toMatchObject([{ title: "Shirt", post: { title: "About the shirt" } }])
  })

  it("spreads graph, stream and list reads over the replicas in turn; writes and primary reads use the primary", async () => {
    // Replica 1 stops replaying: a product created now reaches the primary and replica 2 only.
    await queryServer(cluster.replicas[0].url, "select pg_wal_replay_pause()")
    try {
      await products.createProducts([{ title: "Hat", handle: "hat" }])
      await waitFor(
        async () =>
          (await queryServer<string>(cluster.replicas[1].url, "select count(*) from product")) === "2",
      )
      const graphCounts = [
        await productCount(async () => (await titles()).data),
        await productCount(async () => (await titles()).data),
      ]
      expect(graphCounts.sort()).toEqual([1, 2])
      const streamed = async () => {
        const out: Row[] = []
        for await (const record of app.query.stream<Row>({ entity: "product", fields: ["id"] }))
          out.push(record)
        return out
      }
      expect([await productCount(streamed), await productCount(streamed)].sort()).toEqual([1, 2])
      const listed = () => products.listProducts({}, { select: ["id"] })
      expect([await productCount(listed), await productCount(listed)].sort()).toEqual([1, 2])
      const primary = async () =>
        (await app.query.graph<Row>({ entity: "product", fields: ["id"] }, { consistency: "primary" })).data
      expect([await productCount(primary), await productCount(primary)]).toEqual([2, 2])
      const listedPrimary = () => products.listProducts({}, { select: ["id"], consistency: "primary" })
      expect(await productCount(listedPrimary)).toBe(2)
    } finally {
      await queryServer(cluster.replicas[0].url, "select pg_wal_replay_resume()")
    }
  })

  it("skips a replica stopped mid-run, and falls back to the primary when none answers", async () => {
    await cluster.caughtUp()
    await cluster.replicas[0].stop()
    // Every read still answers, whichever replica its turn would have picked.
    for (let i = 0; i < 4; i++) expect((await titles()).data).toHaveLength(2)
    for await (const record of app.query.stream<Row>({ entity: "product", fields: ["title"] })) {
      expect(record.title).toMatch(/Shirt|Hat/)
    }
    await cluster.replicas[1].stop()
    // Only the primary is left: a write made now is read back at once.
    await products.createProducts([{ title: "Sock", handle: "sock" }])
    expect((await titles()).data.map((p: Row) => p.title).sort()).toEqual(["Hat", "Shirt", "Sock"])
  })
})

describe("replicas in the config", () => {
  it("refuses replicas for the embedded database, and a module's replicas without its databaseUrl", async () => {
    const project = createProject(projectFiles())
    try {
      const embedded = await createApp({
        cwd: project.dir,
        config: { databaseUrl: "pglite:memory", replicas: ["postgres://127.0.0.1:1/x"], modules: MODULES },
      }).catch((error) => error)
      expect(isModlinkError(embedded) && embedded.code).toBe("INVALID_CONFIG")
      expect(embedded.message).toContain('Replicas are listed for database "main", which is embedded')
      const orphan = await createApp({
        cwd: project.dir,
        config: {
          databaseUrl: "pglite:memory",
          modules: [
            "modlink/product",
            { resolve: "./src/modules/blog", replicas: ["postgres://127.0.0.1:1/x"] },
          ],
        },
      }).catch((error) => error)
      expect(isModlinkError(orphan) && orphan.code).toBe("INVALID_CONFIG")
      expect(orphan.message).toContain('Module "blog" lists replicas but no databaseUrl')
    } finally {
      project.cleanup()
    }
  })
})

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error("condition not reached in 10 s")
}
