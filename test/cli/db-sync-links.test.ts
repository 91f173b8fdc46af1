import { describe, expect, it } from "vitest"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { backendKinds } from "../support/backends.ts"
import { blogModuleFiles, configFile, linkFile } from "../support/project.ts"
import { linkedProject } from "./linked-project.ts"
import { show } from "./run-cli.ts"

const TABLE = "product_product_blog_post"
const NOTE = `extraColumns: { note: { type: "text", nullable: true } }`

/** The seeds' story, run with the real CLI on a scaffolded project, on each backend. */
for (const kind of backendKinds) {
  describe(`db:sync-links walks the seeds' story [${kind}]`, { timeout: 300_000 }, () => {
    const fixture = linkedProject(kind)
    const { cli, tables, inspect } = fixture
    const columns = (table: string) =>
      inspect(async (db) =>
        (await introspectSchema(db, { tables: [table] })).tables.get(table)?.columns.map((c) => c.name),
      )
    const rows = (table: string, column: string) =>
      inspect(async (db) =>
        (await db.query<Record<string, string>>(`select "${column}" from "${table}" order by id`)).rows.map(
          (r) => r[column],
        ),
      )

    it("creates the link table the seeds describe", async () => {
      const dry = await cli("db:sync-links", "--dry-run")
      expect(dry.code, show(dry)).toBe(0)
      expect(dry.stdout).toMatch(/create\s+product\.product <> blog\.post\s+product_product_blog_post/)
      expect(dry.stdout).toContain(`create table "${TABLE}"`)
      expect(dry.stdout).toContain("Dry run: nothing was changed.")
      expect(await tables()).not.toContain(TABLE)
      const result = await cli("db:sync-links")
      expect(result.code, show(result)).toBe(0)
      expect(result.stdout).toContain(`✓ product.product <> blog.post (${TABLE}): create`)
      expect(await columns(TABLE)).toEqual([
        "id",
        "product_id",
        "post_id",
        "created_at",
        "updated_at",
        "deleted_at",
      ])
      const again = await cli("db:sync-links")
      expect(again.stdout).toContain("Database already up-to-date.")
      await inspect((db) =>
        db.exec(`insert into ${TABLE} (id, product_id, post_id) values ('link_1', 'prod_1', 'post_1')`),
      )
    })

    it("adds isList, then an extra column, then switches to N:N, keeping the rows", async () => {
      fixture.project.write({
        "src/links/product-post.ts": linkFile(
          "ProductModule.linkable.product, { linkable: BlogModule.linkable.post, isList: true }",
        ),
      })
      const list = await cli("db:sync-links")
      expect(list.stdout, show(list)).toContain(`✓ product.product <> blog.post (${TABLE}): update`)
      await inspect((db) =>
        db.exec(`insert into ${TABLE} (id, product_id, post_id) values ('link_2', 'prod_1', 'post_2')`),
      )
      fixture.project.write({
        "src/links/product-post.ts": linkFile(
          `ProductModule.linkable.product, { linkable: BlogModule.linkable.post, isList: true }, { database: { ${NOTE} } }`,
        ),
      })
      const extra = await cli("db:sync-links", "--execute-safe")
      expect(extra.code, show(extra)).toBe(0)
      expect(await columns(TABLE)).toContain("note")
      fixture.project.write({
        "src/links/product-post.ts": linkFile(
          `{ linkable: ProductModule.linkable.product, isList: true }, { linkable: BlogModule.linkable.post, isList: true }, { database: { ${NOTE} } }`,
        ),
      })
      const many = await cli("db:sync-links")
      expect(many.code, show(many)).toBe(0)
      await inspect((db) =>
        db.exec(`insert into ${TABLE} (id, product_id, post_id) values ('link_3', 'prod_2', 'post_2')`),
      )
      expect(await rows(TABLE, "post_id")).toEqual(["post_1", "post_2", "post_2"])
    })

    it("changes nothing when a statement fails halfway through the apply", async () => {
      // Back to 1:1 (the rows break it) together with a new link: --execute-all accepts both.
      fixture.project.write({
        "src/links/product-post.ts": linkFile(
          `ProductModule.linkable.product, BlogModule.linkable.post, { database: { ${NOTE} } }`,
        ),
        "src/links/product-comment.ts": linkFile(
          "ProductModule.linkable.product, BlogModule.linkable.comment",
        ),
      })
      const dry = await cli("db:sync-links", "--dry-run")
      expect(dry.stdout).toContain("(2 rows violate it)")
      const before = await tables()
      const failed = await cli("db:sync-links", "--execute-all")
      expect(failed.code, show(failed)).toBe(1)
      expect(failed.stderr).toContain(
        `Link sync failed at product.product <> blog.post (${TABLE}): update (unsafe)`,
      )
      expect(failed.stderr).toContain("nothing was changed")
      expect(await tables()).toEqual(before)
      const skipped = await cli("db:sync-links")
      expect(skipped.code, show(skipped)).toBe(3)
      expect(skipped.stdout).toContain("cardinality N:N → 1:1")
      expect(skipped.stderr).toMatch(/Links sync: \d+ changes? applied, [1-9]\d* left unapplied; exit code 3/)
      expect(skipped.stderr).toMatch(/skipped product\.product <> blog\.post .*no terminal is attached/)
      expect(skipped.stdout).toContain(
        "✓ product.product <> blog.comment (product_product_blog_comment): create",
      )
      fixture.project.remove("src/links/product-comment.ts")
      fixture.project.write({
        "src/links/product-post.ts": linkFile(
          `{ linkable: ProductModule.linkable.product, isList: true }, { linkable: BlogModule.linkable.post, isList: true }, { database: { ${NOTE} } }`,
        ),
      })
      expect((await cli("db:sync-links", "--execute-all")).code).toBe(0)
      expect(await tables()).not.toContain("product_product_blog_comment")
    })

    it("keeps the table and its rows when the module is renamed and database.table is pinned", async () => {
      fixture.project.remove("src/modules/blog")
      fixture.project.write({
        ...blogModuleFiles("article"),
        ...configFile(["./src/modules/article"]),
        "src/links/product-post.ts": linkFile(
          `{ linkable: ProductModule.linkable.product, isList: true }, { linkable: BlogModule.linkable.post, isList: true }, { database: { table: "${TABLE}", ${NOTE} } }`,
          "article",
        ),
      })
      const result = await cli("db:sync-links")
      expect(result.code, show(result)).toBe(0)
      expect(result.stdout).toContain(
        `✓ product.product <> article.post (${TABLE}): rename from product.product <> blog.post, table kept`,
      )
      expect(await rows(TABLE, "post_id")).toEqual(["post_1", "post_2", "post_2"])
    })

    it("renames the key column when the model is renamed, keeping the rows", async () => {
      fixture.project.remove("src/modules/article")
      fixture.project.write({
        ...blogModuleFiles("article", "essay"),
        "src/links/product-post.ts": linkFile(
          `{ linkable: ProductModule.linkable.product, isList: true }, { linkable: BlogModule.linkable.essay, isList: true }, { database: { table: "${TABLE}", ${NOTE} } }`,
          "article",
        ),
      })
      const result = await cli("db:sync-links")
      expect(result.code, show(result)).toBe(0)
      expect(await columns(TABLE)).toEqual([
        "id",
        "product_id",
        "essay_id",
        "created_at",
        "updated_at",
        "deleted_at",
        "note",
      ])
      expect(await rows(TABLE, "essay_id")).toEqual(["post_1", "post_2", "post_2"])
    })

    it("deletes a removed link only with --execute-all", async () => {
      fixture.project.remove("src/links/product-post.ts")
      const asked = await cli("db:sync-links")
      expect(asked.code, show(asked)).toBe(3)
      expect(asked.stdout).toMatch(
        /delete \(skipped\)\s+product\.product <> article\.essay\s+product_product_blog_post/,
      )
      expect(asked.stdout).toContain("! 3 link rows in product_product_blog_post will be lost")
      expect(asked.stderr).toContain(
        "skipped product.product <> article.essay (product_product_blog_post): delete (3 rows)",
      )
      expect(await tables()).toContain(TABLE)
      const safe = await cli("db:sync-links", "--execute-safe")
      expect(safe.stderr).toContain("skipped by --execute-safe")
      expect(await tables()).toContain(TABLE)
      const all = await cli("db:sync-links", "--execute-all")
      expect(all.code, show(all)).toBe(0)
      expect(all.stdout).toMatch(/^delete\s+product\.product <> article\.essay\s+product_product_blog_post$/m)
      expect(all.stdout).not.toContain("(asks)")
      expect(all.stdout).toContain(
        "✓ product.product <> article.essay (product_product_blog_post): delete (3 rows)",
      )
      expect(all.stdout).toContain("✓ drop table product_product_blog_post")
      expect(all.stdout).toContain("Links sync completed: 1 change applied, 0 left unapplied.")
      expect(await tables()).not.toContain(TABLE)
    })

    it("rejects contradicting flags", async () => {
      const result = await cli("db:sync-links", "--execute-safe", "--execute-all")
      expect(result.code).toBe(1)
      expect(result.stderr).toContain("--execute-safe and --execute-all contradict each other")
    })
  })
}
