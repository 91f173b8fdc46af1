import { expect, it } from "vitest"
import { model } from "../../src/dml/index.ts"
import { moduleTables } from "../../src/dml/table-schemas.ts"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { buildModels } from "../../src/sync/pull/build-models.ts"
import { columnField, constantDefault, enumCheck } from "../../src/sync/pull/column-field.ts"
import { lineDiff } from "../../src/sync/pull/line-diff.ts"
import { readTables } from "../../src/sync/pull/read-tables.ts"
import { renderModule } from "../../src/sync/pull/render-module.ts"
import { diffTables } from "../../src/sync/tables/diff-tables.ts"
import { describeBackends } from "../support/backends.ts"

/** A module using every DML type, modifier and relationship kind. */
function everyTypeModels() {
  const Author = model.define("author", {
    id: model.id({ prefix: "au" }).primaryKey(),
    name: model.text().index(),
    email: model.text().unique(),
    age: model.number().nullable(),
    balance: model.bigNumber().default(0),
    rating: model.float().nullable(),
    active: model.boolean().default(true),
    born: model.dateTime().nullable(),
    profile: model.json().nullable(),
    role: model.enum(["admin", "editor"]).default("editor"),
    tags: model.array().nullable(),
    books: model.hasMany(() => Book, { mappedBy: "author" }),
    groups: model.manyToMany(() => Group, { mappedBy: "authors", pivotTable: "author_group" }),
  })
  const Book = model.define(
    { name: "book", tableName: "books" },
    {
      id: model.id().primaryKey(),
      title: model.text(),
      author: model.belongsTo(() => Author, { mappedBy: "books" }),
      reviewer: model.belongsTo(() => Author).nullable(),
    },
  )
  const Group = model.define("group", {
    id: model.id().primaryKey(),
    label: model.text(),
    authors: model.manyToMany(() => Author, { mappedBy: "groups" }),
  })
  return [Author, Book, Group]
}

describeBackends("db:pull reads tables back as models", ({ db }) => {
  it("round-trips every DML type: the pulled models ask for exactly the tables there are", async () => {
    const tables = moduleTables(everyTypeModels())
    for (const change of diffTables(tables, { schema: "public", tables: new Map() }))
      await db().exec(change.statement)
    const actual = await introspectSchema(db(), { tables: tables.map((t) => t.name) })
    const pulled = readTables("library", [...actual.tables.values()])
    expect(pulled.models.map((m) => m.name).sort()).toEqual(["author", "book", "group"])
    expect(pulled.notes).toEqual(["author_group is a pivot: it became manyToMany relationships, not a model"])
    const again = moduleTables(buildModels(pulled))
    expect(diffTables(again, actual).map((c) => c.description)).toEqual([])
    const author = pulled.models.find((m) => m.name === "author")!
    expect(author.fields.find((f) => f.name === "role")).toMatchObject({
      type: "enum",
      enumValues: ["admin", "editor"],
    })
    expect(author.relations.map((r) => [r.name, r.kind, r.target])).toEqual([
      ["books", "hasMany", "book"],
      ["books_2", "hasMany", "book"],
      ["groups", "manyToMany", "group"],
    ])
    const files = renderModule(pulled, "2026-12-02")
    expect([...files.keys()].sort()).toEqual([
      "src/modules/library/index.ts",
      "src/modules/library/models/author.ts",
      "src/modules/library/models/book.ts",
      "src/modules/library/models/group.ts",
      "src/modules/library/service.ts",
    ])
    expect(files.get("src/modules/library/models/book.ts")).toContain(
      'export const Book = model.define({ name: "book", tableName: "books" }, {',
    )
    expect(files.get("src/modules/library/models/book.ts")).toContain(
      'reviewer: model.belongsTo(() => Author, { mappedBy: "books_2" }).nullable(),',
    )
  })

  it("says what it could not map, and leaves a table without a primary key out", async () => {
    await db().exec(`
      create table legacy_orders (id serial primary key, code varchar(12) not null, placed date,
        amount numeric(10,2), total bigint default 0, constraint legacy_orders_code_check check (length(code) > 2));
      create table audit_log (at timestamptz, message text)`)
    const actual = await introspectSchema(db(), { tables: ["legacy_orders", "audit_log"] })
    const pulled = readTables("legacy", [...actual.tables.values()])
    expect(pulled.notes).toEqual(["audit_log has no primary key, which every model needs: left out"])
    const [order] = pulled.models
    expect(order.name).toBe("legacy_order")
    expect(order.fields.find((f) => f.name === "id")).toMatchObject({ type: "number", primaryKey: true })
    expect(order.fields.find((f) => f.name === "id")?.note).toMatch(/default nextval.* is not a constant/)
    expect(order.fields.find((f) => f.name === "code")?.note).toMatch(/character varying\(12\)/)
    expect(order.notes.join("\n")).toMatch(/check legacy_orders_code_check .* is not kept/)
    expect(order.notes.join("\n")).toMatch(/db:generate adds created_at, updated_at, deleted_at/)
  })
})

it("reads constant defaults and enum checks as PostgreSQL prints them", () => {
  expect(constantDefault("'draft'::text")).toBe("draft")
  expect(constantDefault("'it''s'::text")).toBe("it's")
  expect(constantDefault("0")).toBe(0)
  expect(constantDefault("'-1.5'::numeric")).toBe("-1.5")
  expect(constantDefault("(-2)::integer")).toBe(-2)
  expect(constantDefault("false")).toBe(false)
  expect(constantDefault(`'{"a": 1}'::jsonb`)).toEqual({ a: 1 })
  expect(constantDefault("now()")).toBeUndefined()
  expect(enumCheck("(status = ANY (ARRAY['draft'::text, 'it''s'::text]))")).toEqual({
    column: "status",
    values: ["draft", "it's"],
  })
  expect(enumCheck("(length(code) > 2)")).toBeUndefined()
  expect(columnField({ name: "n", type: "smallint", nullable: true }).note).toMatch(/smallint/)
})

it("shows the changed lines of a file with two lines around them", () => {
  const before = ["a", "b", "c", "d", "e", "f", "g"].join("\n")
  const after = ["a", "b", "c", "D", "e", "f", "g", "h"].join("\n")
  expect(lineDiff(before, after)).toEqual(["  b", "  c", "- d", "+ D", "  e", "  f", "  g", "+ h"])
})
