import { cpSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { backendKinds } from "../support/backends.ts"
import { blogModuleFiles, configFile, linkFile } from "../support/project.ts"
import { linkedProject } from "./linked-project.ts"
import { show } from "./run-cli.ts"

for (const kind of backendKinds) {
  describe(`migration history and workflow [${kind}]`, { timeout: 300_000 }, () => {
    const fixture = linkedProject(kind)
    const { cli, inspect } = fixture
    const history = () =>
      inspect(async (db) => {
        const { rows } = await db.query<{ module: string; name: string }>(
          "select module, name from modlink_migrations where module <> 'product' order by name",
        )
        return rows.map((row) => `${row.module}:${row.name}`)
      })

    it("follows a moved module folder, then a renamed module, without re-running an applied file", async () => {
      expect((await cli("db:generate", "blog")).code).toBe(0)
      const migrated = await cli("db:migrate", "--execute-safe-links")
      expect(migrated.code, show(migrated)).toBe(0)
      const [file] = await history()

      // The folder moves to src/modules/journal; the module keeps its name.
      const { project } = fixture
      const moved = blogModuleFiles("journal")
      moved["src/modules/journal/index.ts"] = moved["src/modules/journal/index.ts"].replace(
        'Module("journal"',
        'Module("blog"',
      )
      cpSync(
        join(project.dir, "src/modules/blog/migrations"),
        join(project.dir, "src/modules/journal/migrations"),
        {
          recursive: true,
        },
      )
      project.remove("src/modules/blog")
      project.write({
        ...moved,
        ...configFile(["./src/modules/journal"]),
        "src/links/product-post.ts": linkFile(
          "ProductModule.linkable.product, BlogModule.linkable.post",
          "journal",
        ),
      })
      const afterMove = await cli("db:migrate", "--execute-safe-links")
      expect(afterMove.code, show(afterMove)).toBe(0)
      expect(afterMove.stdout).not.toContain("✓ blog:")
      expect(await history()).toEqual([file])

      // The module is renamed blog → article, its link table pinned (the seed's rename).
      project.write({
        "src/modules/journal/index.ts": moved["src/modules/journal/index.ts"].replace(
          'Module("blog"',
          'Module("article"',
        ),
        "src/links/product-post.ts": linkFile(
          'ProductModule.linkable.product, BlogModule.linkable.post, { database: { table: "product_product_blog_post" } }',
          "journal",
        ),
      })
      const dry = await cli("db:migrate", "--dry-run")
      expect(dry.stdout, show(dry)).toContain("article: would take over the history of blog (renamed)")
      expect(dry.stdout).not.toContain("would apply")
      const renamed = await cli("db:migrate", "--execute-all-links")
      expect(renamed.code, show(renamed)).toBe(0)
      expect(renamed.stdout).toContain("✓ article: took over the migration history of blog (renamed)")
      expect(await history()).toEqual([file.replace(/^blog:/, "article:")])
      const generated = await cli("db:generate", "article")
      expect(generated.stdout, show(generated)).toContain("article: no changes")
      expect(
        readdirSync(join(project.dir, "src/modules/journal/migrations")).filter((f) => !f.includes(".down.")),
      ).toHaveLength(1)
    })
  })
}
