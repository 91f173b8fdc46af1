import { beforeAll, describe, expect, it } from "vitest"
import { createQueryEngine } from "../../src/query/index.ts"
import type { Entity, EntityField } from "../../src/schema/index.ts"
import { SchemaGraph } from "../../src/schema/index.ts"
import { describeBackends } from "../support/backends.ts"
import { fixtureGraph } from "./fixtures/schema.ts"

const query = createQueryEngine({ graph: fixtureGraph(), databases: new Map() })
const explain = (input: Parameters<typeof query.explain>[0]) => query.explain(input).fragments

describe("compiled objects and edge strategies", () => {
  it("joins unique single edges, uses subqueries for lists and non-unique singles", () => {
    const [root] = explain({
      entity: "product",
      fields: ["post.title", "variants.options.value", "detail.note", "categories.name"],
    })
    expect(root.edges).toEqual([
      { path: "post", strategy: "left-join" },
      { path: "variants", strategy: "subquery" },
      { path: "variants.options", strategy: "subquery" },
      { path: "detail", strategy: "subquery" },
      { path: "categories", strategy: "subquery" },
    ])
    expect(root.sql).toMatch(
      /LEFT JOIN \("product_product_blog_post" AS "t\d+" JOIN "blog_post" AS "t\d+" ON/,
    )
    expect(root.sql).toContain("coalesce(json_agg(")
    expect(root.sql).toMatch(/^SELECT json_build_object\(.*\) AS "j" FROM "product" AS "t0"/)
  })

  it("reads a link's single side by subquery when deleted link rows may show", () => {
    const [root] = explain({ entity: "product", fields: ["post.title"], withDeleted: true })
    expect(root.edges).toEqual([{ path: "post", strategy: "subquery" }])
    expect(root.sql).toContain("LIMIT 1")
  })

  it("joins the sides of a link entity and relations to a primary key", () => {
    expect(explain({ entity: "product_post", fields: ["product.title", "post.title"] })[0].edges).toEqual([
      { path: "product", strategy: "left-join" },
      { path: "post", strategy: "left-join" },
    ])
    expect(explain({ entity: "post", fields: ["featured_product.title"] })[0].edges).toEqual([
      { path: "featured_product", strategy: "left-join" },
    ])
  })

  it("pages the root's rows in an inner query, with its sort values when sorted through a link, and counts in the same statement", () => {
    const [root] = explain({
      entity: "product",
      fields: ["post.title"],
      pagination: { take: 10, skip: 20, order: { post: { title: "ASC" } } },
    })
    expect(root.sql).toMatch(
      /AS "total" FROM \(SELECT "t\d+"\.\*, "t\d+"\."title" AS "\$sort0", "t\d+"\."id" AS "\$sort1" FROM .* ORDER BY "\$sort0" ASC, "\$sort1" ASC LIMIT/,
    )
    expect(root.sql).toContain("LIMIT $1 OFFSET $2")
    expect(root.sql).toMatch(/ORDER BY "t0"\."\$sort0" ASC, "t0"\."\$sort1" ASC$/)
    expect(root.params).toEqual([10, 20])
    expect(root.edges).toEqual([
      { path: "order.post", strategy: "left-join" },
      { path: "post", strategy: "left-join" },
    ])
  })

  it("sorts a page by the root's own columns again outside, with no row numbers or second read of the table", () => {
    const [root] = explain({
      entity: "product",
      fields: ["title", "post.title"],
      pagination: { take: 10, order: { title: "DESC" } },
    })
    expect(root.sql).not.toContain("row_number")
    expect(root.sql).toMatch(/FROM \(SELECT "t1"\.\* FROM "product" AS "t1"/)
    expect(root.sql.match(/FROM "product"/g)).toHaveLength(2) // the page and the count
    expect(root.sql).toMatch(/ORDER BY "t0"\."title" DESC, "t0"\."id" ASC$/)
  })

  it("paginates nested lists per parent with row_number to keep their order", () => {
    const [root] = explain({
      entity: "product",
      fields: ["categories.name"],
      nested: { categories: { take: 2, order: { name: "DESC" } } },
    })
    expect(root.sql).toContain('coalesce(json_agg("s"."j" ORDER BY "s"."n"), \'[]\'::json)')
    expect(root.sql).toMatch(/row_number\(\) OVER \( ORDER BY "t\d+"\."name" DESC, "t\d+"\."id" ASC\) AS "n"/)
  })
})

/** 60 columns: more than json_build_object's 100 arguments allow in one call. */
const WIDE_COLUMNS = Array.from({ length: 60 }, (_, i) => `c${i}`)

function wideGraph(): SchemaGraph {
  const fields = new Map<string, EntityField>([
    ["id", { name: "id", column: "id", type: "id", nullable: false }],
  ])
  for (const name of WIDE_COLUMNS) fields.set(name, { name, column: name, type: "number", nullable: false })
  const wide: Entity = {
    name: "wide",
    module: "wide",
    database: "main",
    table: "wide",
    primaryKey: ["id"],
    fields,
    edges: new Map(),
    softDelete: false,
    kind: "model",
  }
  return new SchemaGraph(new Map([["wide", wide]]))
}

describeBackends("wide objects", ({ db }) => {
  beforeAll(async () => {
    await db().exec(`create table wide (id text primary key, ${WIDE_COLUMNS.map((c) => `${c} integer not null`).join(", ")});
      insert into wide values ('w1', ${WIDE_COLUMNS.map((_, i) => i).join(", ")});`)
  })

  it("builds objects of more than 50 fields in chunks", async () => {
    const engine = createQueryEngine({ graph: wideGraph(), databases: new Map([["main", db()]]) })
    const { data } = await engine.graph({ entity: "wide", fields: ["*"] })
    expect(data).toEqual([Object.fromEntries([["id", "w1"], ...WIDE_COLUMNS.map((c, i) => [c, i])])])
    expect(engine.explain({ entity: "wide", fields: ["*"] }).fragments[0].sql).toContain(
      "::jsonb || json_build_object(",
    )
  })
})
