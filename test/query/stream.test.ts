import { afterAll, beforeAll, expect, it } from "vitest"
import type { Database } from "../../src/db/index.ts"
import { createQueryEngine, type GraphInput, type QueryEngine } from "../../src/query/index.ts"
import { describeBackends, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { engineOn, expectModlinkError } from "./fixtures/engine.ts"
import { fixtureGraph } from "./fixtures/schema.ts"
import { loadFixture } from "./fixtures/tables.ts"

type Row = Record<string, any>

async function collect(stream: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = []
  for await (const record of stream) out.push(record)
  return out
}

/** Inputs whose `graph` answer the stream must repeat, record for record, in the same order. */
const INPUTS: GraphInput[] = [
  {
    entity: "product",
    fields: ["*", "post.*", "notes.*", "variants.title"],
    pagination: { order: { id: "ASC" } },
  },
  { entity: "product", fields: ["title", "post.title"], pagination: { order: { rank: "DESC" } } },
  { entity: "product", fields: ["id", "released_at"], filters: { post: { title: { $ilike: "%e%" } } } },
  {
    entity: "post",
    fields: ["title", "product.title", "comments.body"],
    pagination: { order: { title: "ASC" } },
  },
  { entity: "product", fields: ["id"], pagination: { order: { post: { title: "ASC" } } } },
  {
    entity: "product",
    fields: ["title", "post.title"],
    pagination: { skip: 1, take: 2, order: { rank: "ASC" } },
  },
  {
    entity: "product",
    fields: ["id", "deleted_at"],
    withDeleted: true,
    pagination: { order: { id: "DESC" } },
  },
]

/**
 * What is left open on the database after a stream: cursors of this session (PGlite has one
 * session; its cursors are holdable) and, on the server, transactions left idle by any session of
 * this database (a server cursor only lives inside one).
 */
async function leftOpen(db: Database): Promise<number> {
  if (db.kind === "pglite") {
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from pg_cursors where name <> ''",
    )
    return rows[0].n
  }
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and state like 'idle in transaction%'`,
  )
  return rows[0].n
}

describeBackends("query.stream", ({ db, kind }) => {
  let engine: QueryEngine

  beforeAll(async () => {
    await loadFixture(db(), { product: true, blog: true, links: true })
    engine = engineOn(db())
  })

  it("yields the records graph returns, in its order, links and dates included, chunk after chunk", async () => {
    for (const input of INPUTS) {
      const { data } = await engine.graph<Row>(input)
      expect(data.length, JSON.stringify(input)).toBeGreaterThan(0)
      for (const chunkSize of [1, 2, 1000]) {
        expect(await collect(engine.stream(input, { chunkSize })), JSON.stringify(input)).toEqual(data)
      }
    }
  })

  it("closes the cursor when the consumer breaks early", async () => {
    const seen: Row[] = []
    for await (const record of engine.stream<Row>({ entity: "product", fields: ["id"] }, { chunkSize: 1 })) {
      seen.push(record)
      if (seen.length === 2) break
    }
    expect(seen).toHaveLength(2)
    expect(await leftOpen(db())).toBe(0)
  })

  it("closes the cursor when the consumer throws, and the error reaches the caller", async () => {
    const consume = async () => {
      for await (const _ of engine.stream({ entity: "product", fields: ["id"] }, { chunkSize: 1 })) {
        throw new Error("consumer gave up")
      }
    }
    await expect(consume()).rejects.toThrow("consumer gave up")
    expect(await leftOpen(db())).toBe(0)
  })

  it("lets the consumer query the same database between records", async () => {
    const titles: string[] = []
    for await (const record of engine.stream<Row>({ entity: "product", fields: ["id"] }, { chunkSize: 1 })) {
      const { data } = await engine.graph<Row>({
        entity: "product",
        fields: ["title"],
        filters: { id: record.id },
      })
      titles.push(data[0].title)
    }
    expect(titles.sort()).toEqual(["Blue Jeans", "Green Hat", "Red Shirt", "Sale Sock"])
  })

  it("rejects a bad input in the loop, naming the field", async () => {
    await expectModlinkError(
      () => collect(engine.stream({ entity: "product", fields: ["titel"] })),
      "UNKNOWN_FIELD",
      /titel/,
      /title/,
    )
  })

  it("passes on a database failure mid-stream and leaves nothing open", async () => {
    const fresh = await freshDatabase(kind)
    const broken = await fresh.open()
    try {
      await loadFixture(broken, { product: true, blog: true, links: true })
      const brokenEngine = engineOn(broken)
      // The table is gone by the time the cursor is declared: the statement fails on the database.
      await broken.exec("drop table product_product_blog_post")
      await expectModlinkError(
        () => collect(brokenEngine.stream({ entity: "product", fields: ["id", "post.title"] })),
        "DATABASE",
        /product_product_blog_post/,
      )
      expect(await leftOpen(broken)).toBe(0)
    } finally {
      await broken.close()
      await fresh.drop()
    }
  })

  describeCrossDatabase(kind)
})

/** Links to another database are stitched chunk by chunk: the same answer as on one database. */
function describeCrossDatabase(kind: FreshDatabase["kind"]): void {
  const fresh: FreshDatabase[] = []
  const opened: Database[] = []
  let single: QueryEngine
  let split: QueryEngine

  beforeAll(async () => {
    const databases = new Map<string, Database>()
    for (const key of ["one", "main", "blog"]) {
      const extra = await freshDatabase(kind)
      fresh.push(extra)
      const database = await extra.open()
      opened.push(database)
      await loadFixture(database, { product: key !== "blog", blog: key !== "main", links: key !== "blog" })
      if (key !== "one") databases.set(key, database)
    }
    single = engineOn(opened[0])
    split = createQueryEngine({
      graph: fixtureGraph({ product: "main", blog: "blog", links: "main" }),
      databases,
    })
  })

  afterAll(async () => {
    for (const database of opened) await database.close()
    for (const extra of fresh) await extra.drop()
  })

  it("stitches records from another database chunk by chunk", async () => {
    const input: GraphInput = {
      entity: "product",
      fields: ["title", "post.title", "post.comments.body", "notes.text", "categories.name"],
      pagination: { order: { id: "ASC" } },
      nested: { notes: { order: { text: "ASC" } }, categories: { order: { name: "ASC" } } },
    }
    const { data } = await single.graph<Row>(input)
    expect(data.some((p) => p.post !== null)).toBe(true)
    for (const chunkSize of [1, 3]) {
      expect(await collect(split.stream(input, { chunkSize }))).toEqual(data)
    }
  })
}
