import { expect, it } from "vitest"
import type { Database } from "../../../src/db/index.ts"
import type { TableSchema } from "../../../src/dml/table-schema.ts"
import { introspectSchema } from "../../../src/sync/catalog/introspect.ts"
import { diffTables } from "../../../src/sync/tables/diff-tables.ts"
import { describeBackends } from "../../support/backends.ts"

const author: TableSchema = {
  name: "author",
  columns: [
    { name: "id", type: "text", nullable: false },
    { name: "name", type: "text", nullable: false, default: "'it''s me'" },
  ],
  primaryKey: ["id"],
  indexes: [],
  foreignKeys: [],
  checks: [],
}

const book: TableSchema = {
  name: "book",
  columns: [
    { name: "id", type: "text", nullable: false },
    { name: "author_id", type: "text", nullable: true },
    { name: "status", type: "text", nullable: false, default: "'draft'" },
    { name: "rank", type: "integer", nullable: false, default: "-1" },
    { name: "price", type: "numeric", nullable: true, default: "0" },
    { name: "meta", type: "jsonb", nullable: false, default: `'{"a": 1}'::jsonb` },
    { name: "tags", type: "text[]", nullable: true, default: "array['x']::text[]" },
    { name: "created_at", type: "timestamptz", nullable: false, default: "now()" },
    { name: "deleted_at", type: "timestamptz", nullable: true },
  ],
  primaryKey: ["id"],
  indexes: [
    { name: "book_author_id_unique", columns: ["author_id"], unique: true, where: "deleted_at is null" },
    { name: "book_deleted_at_idx", columns: ["deleted_at"], unique: false },
  ],
  foreignKeys: [
    {
      name: "book_author_id_foreign",
      columns: ["author_id"],
      referencedTable: "author",
      referencedColumns: ["id"],
      onDelete: "set null",
    },
  ],
  checks: [{ name: "book_status_check", expression: `"status" in ('draft', 'live')` }],
}

async function diff(db: Database, tables: TableSchema[]) {
  return diffTables(tables, await introspectSchema(db))
}

async function apply(db: Database, tables: TableSchema[]) {
  const changes = await diff(db, tables)
  await db.transaction(async (tx) => {
    for (const change of changes) await tx.query(change.statement)
  })
  return changes
}

describeBackends("diffTables", ({ db }) => {
  it("creates tables, then indexes, then foreign keys, and finds nothing left to do", async () => {
    const changes = await apply(db(), [book, author])
    expect(changes.map((c) => c.description)).toEqual([
      "create table book",
      "create table author",
      "add unique index book_author_id_unique on (author_id) where deleted_at is null",
      "add index book_deleted_at_idx on (deleted_at)",
      "add foreign key book_author_id_foreign",
    ])
    expect(changes[0].statement).toBe(
      `create table "book" ("id" text not null, "author_id" text, "status" text not null default 'draft', "rank" integer not null default -1, "price" numeric default 0, "meta" jsonb not null default '{"a": 1}'::jsonb, "tags" text[] default array['x']::text[], "created_at" timestamptz not null default now(), "deleted_at" timestamptz, constraint "book_pkey" primary key ("id"), constraint "book_status_check" check ("status" in ('draft', 'live')))`,
    )
    expect(changes.every((c) => c.risk === "safe")).toBe(true)
    expect(await diff(db(), [book, author])).toEqual([])
  })

  it("adds, retypes and drops columns, flagging what can fail or lose data", async () => {
    await db().query("insert into author (id) values ('a1')")
    await db().query("insert into book (id, author_id) values ('b1', 'a1')")
    const columns = book.columns
      .filter((c) => c.name !== "price")
      .map((c) =>
        c.name === "rank" ? { ...c, type: "bigint" } : c.name === "status" ? { ...c, default: "'live'" } : c,
      )
    const changed: TableSchema = {
      ...book,
      columns: [
        ...columns,
        { name: "note", type: "text", nullable: true },
        { name: "pages", type: "integer", nullable: false },
      ],
    }
    const changes = await diff(db(), [changed, author])
    expect(changes.map((c) => [c.description, c.risk])).toEqual([
      ["set default of status to 'live'", "safe"],
      ["change type of rank from integer to bigint", "destructive"],
      ["add column note text", "safe"],
      ["add column pages integer not null without a default", "may-fail"],
      ["drop column price (its data is lost)", "destructive"],
    ])
    expect(changes[3].condition).toEqual({ kind: "empty" })
  })

  it("renames indexes whose table was renamed instead of rebuilding them, and drops unknown ones", async () => {
    await db().exec(`
      create table old_pair (a_id text not null, b_id text not null, deleted_at timestamptz, constraint old_pair_pkey primary key (a_id, b_id));
      create unique index old_pair_b_id_unique on old_pair (b_id) where deleted_at is null;
      create index stray_idx on old_pair (deleted_at);
      alter table old_pair rename to new_pair;
    `)
    const pair: TableSchema = {
      name: "new_pair",
      columns: [
        { name: "a_id", type: "text", nullable: false },
        { name: "b_id", type: "text", nullable: false },
        { name: "deleted_at", type: "timestamptz", nullable: true },
      ],
      primaryKey: ["a_id", "b_id"],
      indexes: [
        { name: "new_pair_b_id_unique", columns: ["b_id"], unique: true, where: "deleted_at is null" },
        { name: "new_pair_a_id_unique", columns: ["a_id"], unique: true, where: "deleted_at is null" },
      ],
      foreignKeys: [],
      checks: [],
    }
    const changes = await apply(db(), [pair])
    expect(changes.map((c) => [c.description, c.risk])).toEqual([
      ["drop index stray_idx on (deleted_at)", "safe"],
      ["rename primary key old_pair_pkey → new_pair_pkey", "safe"],
      ["rename index old_pair_b_id_unique → new_pair_b_id_unique", "safe"],
      ["add unique index new_pair_a_id_unique on (a_id) where deleted_at is null", "may-fail"],
    ])
    expect(changes[3].condition).toEqual({ kind: "unique", columns: ["a_id"], where: "deleted_at is null" })
    expect(await diff(db(), [pair])).toEqual([])
  })

  it("replaces a check whose expression changed", async () => {
    const changed = {
      ...book,
      checks: [{ name: "book_status_check", expression: `"status" in ('draft', 'live', 'gone')` }],
    }
    const changes = await diff(db(), [changed, author])
    expect(changes.map((c) => c.description)).toEqual([
      "drop check book_status_check",
      "add check book_status_check: \"status\" in ('draft', 'live', 'gone')",
    ])
  })
})
