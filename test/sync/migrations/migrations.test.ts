import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, it } from "vitest"
import type { TableSchema } from "../../../src/dml/table-schema.ts"
import { introspectSchema } from "../../../src/sync/catalog/introspect.ts"
import { generateMigration } from "../../../src/sync/migrations/generate-migration.ts"
import { runMigrations } from "../../../src/sync/migrations/run-migrations.ts"
import { describeBackends } from "../../support/backends.ts"

const post: TableSchema = {
  name: "post",
  columns: [
    { name: "id", type: "text", nullable: false },
    { name: "title", type: "text", nullable: false },
    { name: "views", type: "integer", nullable: true },
  ],
  primaryKey: ["id"],
  indexes: [{ name: "IDX_post_title", columns: ["title"], unique: false }],
  foreignKeys: [],
  checks: [],
}

describeBackends("module migrations", ({ db }) => {
  const dir = mkdtempSync(join(tmpdir(), "modlink-migrations-"))
  const at = (second: number) => ({ now: new Date(Date.UTC(2025, 0, 2, 3, 4, second)) })

  it("writes a reviewable file for what differs, and nothing when nothing does", async () => {
    const first = await generateMigration(db(), [post], dir, "blog", at(5))
    expect(first.file).toBe(join(dir, "20250102030405_blog.sql"))
    expect(readFileSync(first.file!, "utf8")).toContain(
      `-- create table post\ncreate table "post" ("id" text not null, "title" text not null, "views" integer, constraint "post_pkey" primary key ("id"));`,
    )
    await expect(generateMigration(db(), [post], dir, "blog", at(6))).rejects.toThrow(
      /Module blog has migrations not applied yet: 20250102030405_blog\.sql/,
    )
    expect(await runMigrations(db(), "blog", dir)).toEqual({ applied: ["20250102030405_blog.sql"] })
    expect(await runMigrations(db(), "blog", dir)).toEqual({ applied: [] })
    expect(await generateMigration(db(), [post], dir, "blog", at(7))).toEqual({
      file: null,
      downFile: null,
      changes: [],
    })
  })

  it("flags statements that lose data or may fail", async () => {
    await db().query("insert into post (id, title) values ('p1', 'hello')")
    const changed = {
      ...post,
      columns: [post.columns[0], post.columns[1], { name: "body", type: "text", nullable: false }],
    }
    const { file } = await generateMigration(db(), [changed], dir, "blog", at(8))
    const text = readFileSync(file!, "utf8")
    expect(text).toContain("-- MAY FAIL on existing rows: add column body text not null without a default")
    expect(text).toContain(
      `-- DESTRUCTIVE: drop column views (its data is lost)\nalter table "post" drop column "views";`,
    )
  })

  it("rolls back a failing file, keeps the ones before it, and says which failed", async () => {
    // The file generated above, edited the way a reviewer would (body nullable), then a broken one.
    writeFileSync(
      join(dir, "20250102030408_blog.sql"),
      `alter table "post" add column "body" text;\nalter table "post" drop column "views";\n`,
    )
    writeFileSync(
      join(dir, "20250102030409_blog.sql"),
      `alter table "post" add column "x" integer;\nselect 1/0;\n`,
    )
    await expect(runMigrations(db(), "blog", dir)).rejects.toThrow(
      /Migration 20250102030409_blog\.sql of module blog failed/,
    )
    const columns = (await introspectSchema(db(), { tables: ["post"] })).tables
      .get("post")!
      .columns.map((c) => c.name)
    expect(columns).toEqual(["id", "title", "body"])
    const { rows } = await db().query<{ name: string }>("select name from modlink_migrations order by name")
    expect(rows.map((r) => r.name)).toEqual(["20250102030405_blog.sql", "20250102030408_blog.sql"])
    expect(readdirSync(dir).filter((f) => !f.endsWith(".down.sql"))).toHaveLength(3)
  })

  it("keeps modules apart in the tracking table", async () => {
    expect(await runMigrations(db(), "shop", join(dir, "missing"))).toEqual({ applied: [] })
  })
})
