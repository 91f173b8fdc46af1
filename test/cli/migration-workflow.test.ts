import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
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

    it("db:status reports applied, pending and drift, exiting 3 until all is applied; db:rollback reverts the last batch", async () => {
      const { project } = fixture
      const dir = join(project.dir, "src/modules/journal/migrations")
      const clean = await cli("db:status")
      expect(clean.code, show(clean)).toBe(0)
      expect(clean.stdout).toMatch(/^article \(src\/modules\/journal\)$/m)
      expect(clean.stdout).toMatch(/applied\s+\d{14}_blog\.sql/)
      expect(clean.stdout).toContain("Status: everything is applied.")

      const postFile = join(project.dir, "src/modules/journal/models/post.ts")
      const post = readFileSync(postFile, "utf8")
      writeFileSync(
        postFile,
        post.replace(
          "views: model.number().default(0),",
          "views: model.number().default(0),\n  subtitle: model.text().nullable(),",
        ),
      )
      const drifted = await cli("db:status")
      expect(drifted.code, show(drifted)).toBe(3)
      expect(drifted.stdout).toMatch(/drift\s+add column subtitle text/)

      expect((await cli("db:generate", "article")).code).toBe(0)
      const second = readdirSync(dir)
        .filter((f) => !f.includes(".down."))
        .sort()[1]
      expect(readdirSync(dir)).toContain(second.replace(".sql", ".down.sql"))
      expect(readFileSync(join(dir, second.replace(".sql", ".down.sql")), "utf8")).toContain(
        'alter table "post" drop column "subtitle"',
      )
      const pending = await cli("db:status")
      expect(pending.code, show(pending)).toBe(3)
      expect(pending.stdout).toContain(`pending  ${second}`)
      expect(pending.stdout).toContain(
        "Status: 1 pending migration, 0 model changes in no migration, 0 link actions to sync (exit code 3).",
      )
      expect((await cli("db:migrate", "--execute-safe-links")).code).toBe(0)

      const columns = () =>
        inspect(async (db) =>
          (await introspectSchema(db, { tables: ["post"] })).tables.get("post")?.columns.map((c) => c.name),
        )
      expect(await columns()).toContain("subtitle")
      const rolled = await cli("db:rollback", "article")
      expect(rolled.code, show(rolled)).toBe(0)
      expect(rolled.stdout).toContain(`✓ article: reverted ${second}`)
      expect(await columns()).not.toContain("subtitle")
      expect(await history()).toHaveLength(1)

      // The batch before: its file has no down script any more, so nothing runs.
      const [first] = readdirSync(dir)
        .filter((f) => !f.includes(".down."))
        .sort()
      const down = join(dir, first.replace(".sql", ".down.sql"))
      const script = readFileSync(down, "utf8")
      rmSync(down)
      const refused = await cli("db:rollback", "article")
      expect(refused.code, show(refused)).toBe(1)
      expect(refused.stderr).toContain(`Cannot roll back module article: no down script for ${first}`)
      expect(await history()).toHaveLength(1)
      writeFileSync(down, script)
      expect((await cli("db:rollback", "article")).code).toBe(0)
      expect(await fixture.tables()).not.toContain("post")
      expect(await history()).toEqual([])
    })

    it("db:prune-cascades removes old finished journal entries, never a pending one, and refuses a bad age", async () => {
      const entries = () =>
        inspect(async (db) => {
          const { rows } = await db.query<{ id: string }>("select id from modlink_link_cascades order by id")
          return rows.map((row) => row.id)
        })
      const bad = await cli("db:prune-cascades", "--older-than", "ninety")
      expect(bad.code, show(bad)).toBe(1)
      expect(bad.stderr).toContain('--older-than must be a whole number of days, got "ninety"')

      // The first run creates the journal; then entries of every age and status are planted.
      expect((await cli("db:prune-cascades", "--older-than", "30")).stdout).toContain(
        "Removed 0 cascade journal entries",
      )
      await inspect((db) =>
        db.exec(`insert into modlink_link_cascades (id, stamp, status, keys, plan, created_at) values
          ('c_applied_old', now(), 'applied', '{}', '{"roots":{},"records":{}}', now() - interval '40 days'),
          ('c_applied_new', now(), 'applied', '{}', '{"roots":{},"records":{}}', now() - interval '10 days'),
          ('c_pending_old', now(), 'pending', '{}', '{"roots":{},"records":{}}', now() - interval '40 days')`),
      )
      const pruned = await cli("db:prune-cascades", "--older-than", "30")
      expect(pruned.code, show(pruned)).toBe(0)
      expect(pruned.stdout).toContain("Removed 1 cascade journal entry older than 30 days.")
      expect(await entries()).toEqual(["c_applied_new", "c_pending_old"])
    })
  })
}
