import { describe, expect, it } from "vitest"
import { model, moduleTables, resolveRelationships } from "../../src/dml/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"

describe("model.define", () => {
  it("derives Medusa's names from a snake name", () => {
    const variant = model.define("product_variant", { id: model.id().primaryKey() })
    expect([variant.name, variant.entityName, variant.snakeName, variant.tableName]).toEqual([
      "productVariant",
      "ProductVariant",
      "product_variant",
      "product_variant",
    ])
    expect(variant.linkableKey()).toBe("product_variant_id")
  })

  it("takes a name and a table name from a config object", () => {
    const post = model.define({ name: "Post", tableName: "blog_post" }, { id: model.id().primaryKey() })
    expect([post.name, post.entityName, post.tableName]).toEqual(["post", "Post", "blog_post"])
  })

  it("makes model.id() the primary key when nothing else is marked", () => {
    const tag = model.define("tag", { id: model.id(), value: model.text() })
    expect(tag.primaryKeys).toEqual(["id"])
    const currency = model.define("currency", { code: model.text().primaryKey(), name: model.text() })
    expect(currency.primaryKeys).toEqual(["code"])
    expect(currency.linkableKey()).toBe("currency_code")
  })

  it.each([
    ["two ids", () => model.define("x", { id: model.id(), other: model.id() }), /uses model.id\(\) twice/],
    [
      "a declared created_at",
      () => model.define("x", { id: model.id(), created_at: model.dateTime() }),
      /implicit/,
    ],
    [
      "an unknown property type",
      () => model.define("x", { id: model.id(), bad: "text" as never }),
      /"bad" of model "x" is not a model property/,
    ],
    ["no primary key", () => model.define("x", { title: model.text() }), /has no primary key/],
    [
      "a property name that is not an identifier",
      () => model.define("x", { id: model.id(), $row: model.number() }),
      /"\$row" of model "x" is not a valid name/,
    ],
    [
      "a property name with a dot",
      () => model.define("x", { id: model.id(), "post.title": model.text() }),
      /"post.title" of model "x" is not a valid name/,
    ],
    [
      "a config without tableName",
      () => model.define({ name: "x" } as never, { id: model.id() }),
      /Missing "tableName"/,
    ],
  ])("rejects %s with an error naming the model", (_name, define, message) => {
    expect(define).toThrow(message)
    try {
      define()
    } catch (error) {
      expect(isModlinkError(error) && error.code).toBe("INVALID_MODEL")
    }
  })
})

describe("table schemas", () => {
  const Post = model.define("post", {
    id: model.id({ prefix: "post" }).primaryKey(),
    title: model.text().index(),
    slug: model.text().unique(),
    views: model.number().default(0),
    rating: model.float().nullable(),
    price: model.bigNumber().nullable(),
    published: model.boolean().default(false),
    published_at: model.dateTime().nullable(),
    meta: model.json().nullable(),
    status: model.enum(["draft", "live"]).default("draft"),
    tags: model.array().nullable(),
    comments: model.hasMany(() => Comment, { mappedBy: "post" }),
    cover: model.hasOne(() => Cover, { mappedBy: "post" }),
    topics: model.manyToMany(() => Topic, { mappedBy: "posts" }),
  })
  const Comment = model.define("comment", {
    id: model.id().primaryKey(),
    body: model.text(),
    post: model.belongsTo(() => Post, { mappedBy: "comments" }),
  })
  const Cover = model.define("cover", {
    id: model.id().primaryKey(),
    url: model.text(),
    post: model.belongsTo(() => Post, { mappedBy: "cover" }).nullable(),
  })
  const Topic = model.define("topic", {
    id: model.id().primaryKey(),
    name: model.text(),
    posts: model.manyToMany(() => Post, { mappedBy: "topics" }),
  })
  const tables = moduleTables([Post, Comment, Cover, Topic])
  const table = (name: string) => tables.find((t) => t.name === name)!

  it("maps every property builder to a PostgreSQL type, with defaults and timestamps", () => {
    const columns = Object.fromEntries(table("post").columns.map((c) => [c.name, c]))
    expect(Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.type]))).toEqual({
      id: "text",
      title: "text",
      slug: "text",
      views: "integer",
      rating: "real",
      price: "numeric",
      published: "boolean",
      published_at: "timestamptz",
      meta: "jsonb",
      status: "text",
      tags: "text[]",
      created_at: "timestamptz",
      updated_at: "timestamptz",
      deleted_at: "timestamptz",
    })
    expect(columns.views.default).toBe("0")
    expect(columns.status.default).toBe("'draft'")
    expect(columns.rating.nullable).toBe(true)
    expect(columns.title.nullable).toBe(false)
    expect(table("post").checks[0].expression).toBe(`"status" in ('draft', 'live')`)
  })

  it("adds indexes, partial unique indexes over live rows, and foreign keys inside the module", () => {
    expect(table("post").indexes).toContainEqual({
      name: "IDX_post_slug_unique",
      columns: ["slug"],
      unique: true,
      where: "deleted_at is null",
    })
    expect(table("post").indexes).toContainEqual({
      name: "IDX_post_title",
      columns: ["title"],
      unique: false,
    })
    expect(table("comment").columns.find((c) => c.name === "post_id")).toEqual({
      name: "post_id",
      type: "text",
      nullable: false,
    })
    expect(table("comment").foreignKeys).toEqual([
      {
        name: "comment_post_id_foreign",
        columns: ["post_id"],
        referencedTable: "post",
        referencedColumns: ["id"],
        onDelete: "cascade",
      },
    ])
    expect(table("cover").foreignKeys[0].onDelete).toBe("set null")
  })

  it("creates one pivot table for a manyToMany declared on both sides", () => {
    expect(tables.map((t) => t.name)).toEqual(["post", "comment", "cover", "topic", "post_topic"])
    expect(table("post_topic").primaryKey).toEqual(["post_id", "topic_id"])
  })

  it("resolves the columns each relationship joins on", () => {
    const byName = Object.fromEntries(
      resolveRelationships([Post, Comment, Cover, Topic]).map((r) => [`${r.source.name}.${r.name}`, r]),
    )
    expect(byName["post.comments"]).toMatchObject({
      isList: true,
      sourceColumn: "id",
      targetColumn: "post_id",
    })
    expect(byName["comment.post"]).toMatchObject({
      isList: false,
      sourceColumn: "post_id",
      targetColumn: "id",
    })
    expect(byName["post.cover"]).toMatchObject({ isList: false, sourceColumn: "id", targetColumn: "post_id" })
    expect(byName["post.topics"].pivot).toEqual({
      table: "post_topic",
      sourceColumn: "post_id",
      targetColumn: "topic_id",
    })
  })

  it("refuses a relationship to a model of another module", () => {
    const Outside = model.define("outside", { id: model.id() })
    const Inside = model.define("inside", { id: model.id(), other: model.belongsTo(() => Outside) })
    expect(() => moduleTables([Inside])).toThrow(/not in this module.*\n.*defineLink/s)
  })
})
