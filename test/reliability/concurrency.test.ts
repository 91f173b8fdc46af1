import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type App, createApp } from "../../src/app/index.ts"
import { sql } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import type { LinkInput } from "../../src/link/service/index.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import type { Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"
import { linkProject } from "./support/link-project.ts"
import { type LinkShape, livePairs, type Operation, type PairOf, replay } from "./support/replay.ts"

/**
 * 32 clients, each its own app (own pool, own connections), create, dismiss and re-create links on
 * the same few records for a fixed number of rounds, in single calls and in batches spanning
 * several link tables in random order.
 *
 * How the final state is predicted soundly. Every pair belongs to exactly one client, which runs
 * its operations one after the other; so the operations on one pair are totally ordered by that
 * client's program order, and the row of the pair ends as the last of them that reported success
 * left it (live with that call's `note`, or dismissed). Commit order across clients is not needed,
 * and could not be read reliably anyway: a dismiss that finds nothing live takes effect at its
 * snapshot, not at its commit. The contention is on the records: the pairs of different clients
 * share products, posts, comments and tags, so 1:1, 1:N and N:1 links make them race for the same
 * unique index entries, which is where a lost update, a duplicate or a broken cardinality would show.
 */
const CLIENTS = 32
const ROUNDS = 50

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i}`)
const PRODUCTS = range("prod", 4)
const POSTS = range("post", 4)
const COMMENTS = range("com", 6)

const LINKS: LinkShape[] = [
  {
    table: "product_product_blog_post",
    left: { module: "product", key: "product_id", ids: PRODUCTS },
    right: { module: "blog", key: "post_id", ids: POSTS },
    unique: ["product_id", "post_id"],
  },
  {
    table: "product_product_blog_comment",
    left: { module: "product", key: "product_id", ids: PRODUCTS },
    right: { module: "blog", key: "comment_id", ids: COMMENTS },
    unique: ["comment_id"],
  },
  {
    table: "product_product_tag_blog_post",
    left: { module: "product", key: "product_tag_id", ids: range("ptag", 4) },
    right: { module: "blog", key: "post_id", ids: POSTS },
    unique: ["product_tag_id"],
  },
  {
    table: "product_product_collection_blog_comment",
    left: { module: "product", key: "product_collection_id", ids: range("pcol", 4) },
    right: { module: "blog", key: "comment_id", ids: COMMENTS },
    unique: [],
    note: true,
  },
]

interface Pair extends PairOf {
  left: string
  right: string
  owner: number
}

/** Deterministic per run: a failure replays with the same operations. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe.skipIf(!backendKinds.includes("postgres"))(`${CLIENTS} concurrent clients on shared records`, () => {
  let fresh: FreshDatabase
  let project: Project
  const apps: App[] = []
  const log: Operation[][] = []
  const pairs: Pair[] = []

  beforeAll(async () => {
    fresh = await freshDatabase("postgres")
    project = linkProject()
    apps.push(await startApp(project.dir, fresh.url))
    for (let i = 1; i < CLIENTS; i++) apps.push(await createApp({ cwd: project.dir, databaseUrl: fresh.url }))
    // Every pair of every link, dealt round-robin: each client owns two or three pairs.
    for (const link of LINKS) {
      for (const left of link.left.ids) {
        for (const right of link.right.ids) pairs.push({ link, left, right, owner: pairs.length % CLIENTS })
      }
    }
  })
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()))
    project?.cleanup()
    await fresh?.drop()
  })

  const input = (pair: Pair, note?: string): LinkInput => ({
    [pair.link.left.module]: { [pair.link.left.key]: pair.left },
    [pair.link.right.module]: { [pair.link.right.key]: pair.right },
    ...(note !== undefined && pair.link.note ? { data: { note } } : {}),
  })

  async function client(index: number): Promise<Operation[]> {
    const next = random(index + 1)
    const own = pairs.filter((p) => p.owner === index)
    const operations: Operation[] = []
    for (let round = 0; round < ROUNDS; round++) {
      // One to three of its pairs, shuffled: batches touch several link tables in any order.
      const chosen = own.filter(() => next() < 0.6).sort(() => next() - 0.5)
      if (chosen.length === 0) chosen.push(own[Math.floor(next() * own.length)])
      const operation: Operation = {
        kind: next() < 0.6 ? "create" : "dismiss",
        pairs: chosen,
        note: `c${index}r${round}`,
        ok: false,
      }
      try {
        const inputs = chosen.map((pair) =>
          input(pair, operation.kind === "create" ? operation.note : undefined),
        )
        await (operation.kind === "create"
          ? apps[index].link.create(inputs)
          : apps[index].link.dismiss(inputs))
        operation.ok = true
      } catch (error) {
        expect(isModlinkError(error), String(error)).toBe(true)
        operation.error = `${(error as { code: string }).code}: ${(error as Error).message}`
      }
      operations.push(operation)
    }
    return operations
  }

  it(`holds every cardinality and equals the replay of what succeeded, after ${ROUNDS} rounds`, async () => {
    log.push(...(await Promise.all(apps.map((_, i) => client(i)))))
    const operations = log.flat()
    const db = apps[0].db

    // Only a cardinality conflict may refuse a call: no deadlock, no serialization or driver error.
    const failures = operations.filter((op) => !op.ok)
    expect(failures.filter((op) => !op.error!.startsWith("CARDINALITY")).map((op) => op.error)).toEqual([])

    // Replay: per pair, the last successful operation of its owner decides the row.
    const actual = await livePairs(db, LINKS)
    expect(actual).toEqual(replay(log))

    // The run did race: calls were refused by cardinality, and pairs were created and dismissed.
    const succeeded = operations.filter((op) => op.ok)
    console.log(
      `concurrency: ${CLIENTS} clients × ${ROUNDS} rounds = ${operations.length} calls, ${succeeded.length} succeeded, ${failures.length} refused by cardinality, ${actual.size} live pairs at the end`,
    )
    expect(failures.length).toBeGreaterThan(0)
    expect(succeeded.some((op) => op.kind === "create")).toBe(true)
    expect(succeeded.some((op) => op.kind === "dismiss")).toBe(true)
  })

  it("keeps one row per pair when every client creates and dismisses the very same pairs", async () => {
    // No owner here, so no exact replay: the order of two clients' commits on one row is the
    // server's choice. What must hold whatever it chose: one row per pair, the 1:1 index intact,
    // and no call failing for any reason but a cardinality conflict.
    const link = LINKS[0]
    const shared = PRODUCTS.slice(0, 2).flatMap((left) =>
      POSTS.slice(0, 2).map((right): Pair => ({ link, left, right, owner: -1 })),
    )
    const errors: string[] = []
    await Promise.all(
      apps.map(async (app, index) => {
        const next = random(1000 + index)
        for (let round = 0; round < ROUNDS; round++) {
          const pair = shared[Math.floor(next() * shared.length)]
          try {
            if (next() < 0.6) await app.link.create(input(pair))
            else await app.link.dismiss(input(pair))
          } catch (error) {
            expect(isModlinkError(error), String(error)).toBe(true)
            errors.push(`${(error as { code: string }).code}: ${(error as Error).message}`)
          }
        }
      }),
    )
    expect(errors.filter((e) => !e.startsWith("CARDINALITY"))).toEqual([])
    const db = apps[0].db
    const table = sql.id(link.table)
    const rows = await db.query<{ n: number }>(
      sql`select count(*)::int as n from ${table} where product_id = any(${PRODUCTS.slice(0, 2)}) and post_id = any(${POSTS.slice(0, 2)}) group by product_id, post_id`,
    )
    expect(rows.rows.every((row) => row.n === 1)).toBe(true)
    for (const column of link.unique) {
      const broken = await db.query(
        sql`select ${sql.id(column)} from ${table} where deleted_at is null group by 1 having count(*) > 1`,
      )
      expect(broken.rows).toEqual([])
    }
  })
})
