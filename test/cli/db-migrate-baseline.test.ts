import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, type Project } from "../support/project.ts"
import { runCli, show } from "./run-cli.ts"

/**
 * A module whose tables someone else made: baselined when they match its models, refused with the
 * differences when they partly match, recorded anyway with `--baseline <module>`.
 */
for (const kind of backendKinds) {
  describe(`db:migrate on existing tables [${kind}]`, () => {
    let project: Project
    let database: FreshDatabase
    let scratch: FreshDatabase
    const cli = (args: string[], url = database.url) =>
      runCli(args, { cwd: project.dir, env: { DATABASE_URL: url } })
    const exec = async (statement: string) => {
      const db = await database.open()
      try {
        return await db.query<Record<string, unknown>>(statement)
      } finally {
        await db.close()
      }
    }

    beforeAll(async () => {
      database = await freshDatabase(kind)
      scratch = await freshDatabase(kind)
      project = createProject({ ...blogModuleFiles(), ...configFile() })
      const generated = await cli(["db:generate", "blog"], scratch.url)
      expect(generated.code, show(generated)).toBe(0)
      // The blog's tables as another tool made them: post lacks `views`, comment is missing.
      await exec(`create table post (id text primary key, title text not null, body text, extra int,
                   created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
                   deleted_at timestamptz)`)
    })
    afterAll(async () => {
      project?.cleanup()
      await database?.drop()
      await scratch?.drop()
    })

    it("refuses a partial match with the differences, and changes nothing", async () => {
      const result = await cli(["db:migrate", "--skip-links"])
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toContain("Module blog has never been migrated here")
      expect(result.stderr).toContain("post.views is missing (integer)")
      expect(result.stderr).toContain("table comment is missing")
      expect(result.stderr).toContain("modlink db:migrate --baseline blog")
      // Checked before anything ran: not even the product module's migrations were applied.
      const tables = await exec(
        "select count(*)::int as n from pg_tables where schemaname = 'public' and tablename in ('comment', 'product', 'modlink_migrations')",
      )
      expect(tables.rows[0]?.n).toBe(0)
    })

    it("names the closest module when --baseline names an unknown one", async () => {
      const result = await cli(["db:migrate", "--skip-links", "--baseline", "blgo"])
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toMatch(/"blgo".*\n.*blog/)
    })

    it("records the files as applied with --baseline, printing what differs", async () => {
      const dry = await cli(["db:migrate", "--skip-links", "--dry-run", "--baseline", "blog"])
      expect(dry.stdout).toContain("blog: would record 1 migration file as applied without running them")
      const result = await cli(["db:migrate", "--skip-links", "--baseline", "blog"])
      expect(result.code, show(result)).toBe(0)
      expect(result.stdout).toContain(
        "blog: baselined, 1 migration file recorded as applied (--baseline, despite:",
      )
      expect(result.stdout).toContain("post.views is missing")
      const blog = await exec("select count(*)::int as n from modlink_migrations where module = 'blog'")
      expect(blog.rows[0]?.n).toBe(1)
      // Nothing ran: the table is as it was, and the drift warning points at db:generate.
      const columns = await exec(
        "select count(*)::int as n from information_schema.columns where table_name = 'post'",
      )
      expect(columns.rows[0]?.n).toBe(7)
      expect(result.stderr).toContain("run `modlink db:generate blog`")
    })
  })
}
