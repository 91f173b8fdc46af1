import { beforeAll, describe, expect, it } from "vitest"
import type { QueryEngine } from "../../src/query/index.ts"
import { createQueryEngine } from "../../src/query/index.ts"
import { describeBackends } from "../support/backends.ts"
import { engineOn } from "./fixtures/engine.ts"
import { fixtureGraph } from "./fixtures/schema.ts"
import { ids } from "./fixtures/sort.ts"
import { loadFixture } from "./fixtures/tables.ts"

type Filters = Record<string, unknown>

/** Each operator on each kind of field: [filter, ids of matching live products]. */
const ROOT_CASES: Array<[Filters, string[]]> = [
  [{ title: "Red Shirt" }, ["p1"]],
  [{ title: { $eq: "Red Shirt" } }, ["p1"]],
  [{ title: { $ne: "Red Shirt" } }, ["p2", "p3", "p4"]],
  [{ title: { $in: ["Red Shirt", "Green Hat"] } }, ["p1", "p3"]],
  [{ title: { $nin: ["Red Shirt", "Green Hat"] } }, ["p2", "p4"]],
  [{ title: { $gt: "Green Hat" } }, ["p1", "p4"]],
  [{ title: { $gte: "Green Hat" } }, ["p1", "p3", "p4"]],
  [{ title: { $lt: "Green Hat" } }, ["p2"]],
  [{ title: { $lte: "Green Hat" } }, ["p2", "p3"]],
  [{ title: { $like: "%Sh%" } }, ["p1"]],
  [{ title: { $like: "%sh%" } }, []],
  [{ title: { $ilike: "%sh%" } }, ["p1"]],
  [{ handle: { $like: "%-s%" } }, ["p1", "p4"]],
  [{ id: { $in: [] } }, []],
  [{ id: { $nin: [] } }, ["p1", "p2", "p3", "p4"]],
  [{ rank: 3 }, ["p1"]],
  [{ rank: { $gt: 2, $lte: 5 } }, ["p1", "p4"]],
  [{ rank: { $in: [1, 5] } }, ["p2", "p4"]],
  [{ price: { $gte: "15" } }, ["p2", "p3"]],
  [{ price: { $lt: 10.5 } }, ["p4"]],
  [{ weight: { $gt: 1 } }, ["p1", "p2"]],
  [{ published: true }, ["p1", "p3"]],
  [{ published: { $ne: true } }, ["p2", "p4"]],
  [{ published: [false] }, ["p2", "p4"]],
  [{ status: "draft" }, ["p2", "p4"]],
  [{ status: { $ilike: "PUB%" } }, ["p1", "p3"]],
  [{ released_at: null }, ["p3"]],
  [{ released_at: { $ne: null } }, ["p1", "p2", "p4"]],
  [{ released_at: { $gte: new Date("2024-01-01T10:00:00Z") } }, ["p1", "p2"]],
  [{ released_at: { $lt: "2024-01-01" } }, ["p4"]],
  [{ released_at: { $in: [new Date("2024-03-01T10:00:00Z"), null] } }, ["p2", "p3"]],
  [{ released_at: { $nin: [new Date("2024-03-01T10:00:00Z")] } }, ["p1", "p3", "p4"]],
  [{ released_at: { $nin: [new Date("2024-03-01T10:00:00Z"), null] } }, ["p1", "p4"]],
  [{ metadata: { color: "red" } }, ["p1", "p4"]],
  [{ metadata: { $eq: { color: "blue" } } }, ["p2"]],
  [{ metadata: { $ne: { color: "blue" } } }, ["p1", "p3", "p4"]],
  [{ metadata: null }, ["p3"]],
  [{ tags: ["sale"] }, ["p4"]],
  [{ tags: { $ne: ["sale"] } }, ["p1", "p2", "p3"]],
  [{ $or: [] }, []],
  [{ $and: [] }, ["p1", "p2", "p3", "p4"]],
  [{ $or: [{ rank: 1 }, { $and: [{ published: true }, { price: { $gt: 12 } }] }] }, ["p2", "p3"]],
]

/** The same operators reached through links and relations. */
const LINKED_CASES: Array<[Filters, string[]]> = [
  [{ post: { title: { $eq: "Denim guide" } } }, ["p2"]],
  [{ post: { title: { $ne: "Denim guide" } } }, ["p1"]],
  [{ post: { views: { $gt: 5, $lt: 200 } } }, ["p1", "p2"]],
  [{ post: { views: { $lte: 10 } } }, ["p2"]],
  [{ post: { id: { $nin: ["b1"] } } }, ["p2"]],
  [{ post: { title: { $like: "Summer%" } } }, ["p1"]],
  [{ categories: { name: { $ilike: "%OUT%" } } }, ["p3"]],
  [{ categories: { id: { $in: ["k3", "k2"] } } }, ["p1", "p3"]],
  [{ variants: { title: { $gte: "S" } } }, ["p1"]],
  [{ variants: { product_id: { $ne: "p1" } } }, ["p2"]],
  // Notes are stamped by the database when the fixture loads, long after this list is built.
  [{ notes: { created_at: { $gt: new Date("2000-01-01"), $lte: new Date("2999-01-01") } } }, ["p1", "p2"]],
  [{ notes: { created_at: { $lt: new Date("2000-01-01") } } }, []],
  [{ notes: {} }, ["p1", "p2"]],
  [{ post: { comments: { body: { $in: ["Nice", "Useful"] } } } }, ["p1", "p2"]],
  [{ $or: [{ post: { title: "Denim guide" } }, { categories: { name: "outdoor" } }] }, ["p2", "p3"]],
  [{ post: { title: { $ilike: "%e%" } }, categories: { name: "clearance" } }, ["p1"]],
]

describeBackends("compiled filters", ({ db }) => {
  let query: QueryEngine
  beforeAll(async () => {
    await loadFixture(db(), { product: true, blog: true, links: true })
    query = engineOn(db())
  })
  const matching = async (filters: Filters) =>
    ids(
      (
        await query.graph({
          entity: "product",
          fields: ["id"],
          filters,
          pagination: { order: { id: "ASC" } },
        })
      ).data,
    )

  it.each(ROOT_CASES)("on root fields: %j", async (filters, expected) => {
    expect(await matching(filters)).toEqual(expected)
  })

  it.each(LINKED_CASES)("on linked fields: %j", async (filters, expected) => {
    expect(await matching(filters)).toEqual(expected)
  })
})

describe("compiled filter SQL", () => {
  const query = createQueryEngine({ graph: fixtureGraph(), databases: new Map() })
  const statement = (filters: Filters) =>
    query.explain({ entity: "product", fields: ["id"], filters }).fragments[0]

  it("binds every value, lists as one array parameter", () => {
    const { sql, params } = statement({ title: "x'y", id: { $nin: ["a", "b", null] }, rank: { $gte: 2 } })
    expect(sql).toContain('"t0"."title" = $1')
    expect(sql).toContain('("t0"."id" IS NOT NULL AND NOT coalesce("t0"."id" = ANY($2), false))')
    expect(sql).toContain('"t0"."rank" >= $3')
    expect(sql).not.toContain("x'y")
    expect(params).toEqual(["x'y", ["a", "b"], 2])
  })

  it("compiles filters on linked records as correlated EXISTS through the live link rows", () => {
    const { sql, edges } = statement({ post: { title: "x" } })
    expect(sql).toMatch(
      /EXISTS \(SELECT 1 FROM "product_product_blog_post" AS "(t\d+)" JOIN "blog_post" AS "(t\d+)" ON/,
    )
    expect(sql).toMatch(
      /"t\d+"\."deleted_at" IS NULL AND "t\d+"\."deleted_at" IS NULL AND "t\d+"\."title" = \$1/,
    )
    expect(edges).toEqual([{ path: "filters.post", strategy: "exists" }])
  })

  it("leaves out soft-delete conditions with withDeleted", () => {
    const { sql } = query.explain({
      entity: "product",
      fields: ["id"],
      filters: { post: { title: "x" } },
      withDeleted: true,
    }).fragments[0]
    expect(sql).not.toContain("deleted_at")
  })
})
