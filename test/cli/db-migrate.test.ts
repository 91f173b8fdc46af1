import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { backendKinds } from "../support/backends.ts"
import { linkedProject } from "./linked-project.ts"
import { show } from "./run-cli.ts"

for (const kind of backendKinds) {
  describe(`db:generate and db:migrate [${kind}]`, { timeout: 300_000 }, () => {
    const fixture = linkedProject(kind)
    const { cli, tables, inspect } = fixture

    it("generates a migration file, applies it, then syncs the links", async () => {
      const generated = await cli("db:generate", "blog")
      expect(generated.code, show(generated)).toBe(0)
      const dir = join(fixture.project.dir, "src/modules/blog/migrations")
      const [down, file] = readdirSync(dir).sort()
      expect(file).toMatch(/^\d{14}_blog\.sql$/)
      expect(down).toBe(file.replace(".sql", ".down.sql"))
      expect(readFileSync(join(dir, down), "utf8")).toContain('drop table if exists "post" cascade')
      expect(readFileSync(join(dir, file), "utf8")).toContain('create table "post"')
      expect(generated.stdout).toContain(`✓ blog: src/modules/blog/migrations/${file}`)

      const dry = await cli("db:migrate", "--dry-run")
      expect(dry.code, show(dry)).toBe(0)
      expect(dry.stdout).toContain(`blog: would apply ${file}`)
      expect(dry.stdout).toContain('create table "product_product_blog_post"')
      expect(await tables()).toEqual([])

      const migrated = await cli("db:migrate", "--execute-safe-links")
      expect(migrated.code, show(migrated)).toBe(0)
      expect(migrated.stdout).toContain(`✓ blog: ${file}`)
      expect(migrated.stdout).toContain("Migrations completed.")
      expect(migrated.stdout).toContain("✓ product.product <> blog.post (product_product_blog_post): create")
      expect(await tables()).toEqual(
        expect.arrayContaining([
          "comment",
          "post",
          "modlink_migrations",
          "modlink_links",
          "product_product_blog_post",
        ]),
      )

      const again = await cli("db:generate", "blog")
      expect(again.stdout, show(again)).toContain("blog: no changes")
      const skipLinks = await cli("db:migrate", "--skip-links")
      expect(skipLinks.stdout, show(skipLinks)).not.toContain("Syncing links")
    })

    it("generates a second migration after a model change, and nothing once it is applied", async () => {
      const post = "src/modules/blog/models/post.ts"
      const before = readFileSync(join(fixture.project.dir, post), "utf8")
      fixture.project.write({
        [post]: before
          .replace("title: model.text(),", "title: model.text().index(),")
          .replace(
            "views: model.number().default(0),",
            "views: model.number().default(0),\n  subtitle: model.text().nullable(),",
          ),
      })
      const generated = await cli("db:generate", "blog")
      expect(generated.code, show(generated)).toBe(0)
      const dir = join(fixture.project.dir, "src/modules/blog/migrations")
      const files = readdirSync(dir)
        .filter((f) => !f.endsWith(".down.sql"))
        .sort()
      expect(files).toHaveLength(2)
      const second = readFileSync(join(dir, files[1]), "utf8")
      expect(second).toContain('add column "subtitle" text')
      expect(second).toContain('create index "IDX_post_title"')
      expect(second).not.toContain('create table "post"')

      const migrated = await cli("db:migrate", "--execute-safe-links")
      expect(migrated.code, show(migrated)).toBe(0)
      expect(migrated.stdout).toContain(`✓ blog: ${files[1]}`)
      const stored = await inspect(async (db) => (await introspectSchema(db)).tables.get("post")!)
      expect(stored.columns.map((c) => c.name)).toContain("subtitle")
      expect(stored.indexes.map((i) => i.name)).toContain("IDX_post_title")
      const again = await cli("db:generate", "blog")
      expect(again.stdout, show(again)).toContain("blog: no changes")
      expect(readdirSync(dir)).toHaveLength(4)
    })

    it("names the module it does not know", async () => {
      const result = await cli("db:generate", "blgo")
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('No module named "blgo" in the config')
      expect(result.stderr).toContain('did you mean "blog"')
    })
  })
}
