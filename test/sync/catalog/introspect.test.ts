import { expect, it } from "vitest"
import { introspectSchema } from "../../../src/sync/catalog/introspect.ts"
import { describeBackends } from "../../support/backends.ts"

describeBackends("introspectSchema", ({ db }) => {
  it("reads columns, keys, indexes, foreign keys and checks of every table in one pass", async () => {
    await db().exec(`
      create table author (id text primary key, name text not null);
      create table book (
        id text not null,
        author_id text references author (id) on delete cascade,
        title varchar(120) not null default 'untitled',
        price numeric(10, 2) default 0,
        tags text[],
        status text not null default 'draft' check (status in ('draft', 'live')),
        created_at timestamptz not null default now(),
        deleted_at timestamptz,
        constraint book_pkey primary key (id),
        constraint book_title_key unique (title)
      );
      create index book_author_idx on book (author_id);
      create unique index book_author_live_unique on book (author_id, status) where deleted_at is null;
      create table empty_table ();
    `)
    const { tables } = await introspectSchema(db())
    expect([...tables.keys()].sort()).toEqual(["author", "book", "empty_table"])
    const book = tables.get("book")!
    expect(book.columns).toEqual([
      { name: "id", type: "text", nullable: false },
      { name: "author_id", type: "text", nullable: true },
      {
        name: "title",
        type: "character varying(120)",
        nullable: false,
        default: "'untitled'::character varying",
      },
      { name: "price", type: "numeric(10,2)", nullable: true, default: "0" },
      { name: "tags", type: "text[]", nullable: true },
      { name: "status", type: "text", nullable: false, default: "'draft'::text" },
      { name: "created_at", type: "timestamp with time zone", nullable: false, default: "now()" },
      { name: "deleted_at", type: "timestamp with time zone", nullable: true },
    ])
    expect(book.primaryKey).toEqual(["id"])
    expect(book.primaryKeyName).toBe("book_pkey")
    expect(book.indexes).toEqual([
      { name: "book_author_idx", columns: ["author_id"], unique: false, constraint: false },
      {
        name: "book_author_live_unique",
        columns: ["author_id", "status"],
        unique: true,
        where: "(deleted_at IS NULL)",
        constraint: false,
      },
      { name: "book_title_key", columns: ["title"], unique: true, constraint: true },
    ])
    expect(book.foreignKeys).toEqual([
      {
        name: "book_author_id_fkey",
        columns: ["author_id"],
        referencedTable: "author",
        referencedColumns: ["id"],
        onDelete: "cascade",
      },
    ])
    expect(book.checks).toHaveLength(1)
    expect(book.checks[0].name).toBe("book_status_check")
    expect(book.checks[0].expression).toMatch(/status = ANY \(ARRAY\['draft'::text, 'live'::text\]\)/)
    expect(tables.get("empty_table")!.columns).toEqual([])
  })

  it("limits itself to the tables asked for", async () => {
    const { tables } = await introspectSchema(db(), { tables: ["author", "missing"] })
    expect([...tables.keys()]).toEqual(["author"])
  })

  it("reads another schema when asked", async () => {
    await db().exec("create schema other; create table other.thing (n integer);")
    const { tables } = await introspectSchema(db(), { schema: "other" })
    expect(tables.get("thing")!.columns).toEqual([{ name: "n", type: "integer", nullable: true }])
  })
})
