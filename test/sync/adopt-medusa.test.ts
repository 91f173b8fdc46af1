/**
 * A database made by Medusa 2.21.2 itself (../shared/fixtures), adopted as it is: the product and
 * blog modules are baselined rather than migrated, the two link tables are adopted with every row,
 * and no table outside the project's modules and links changes. Server only: the dump loads
 * through psql (COPY from stdin, the pg_trgm and unaccent extensions).
 */
import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Database } from "../../src/db/index.ts"
import { childEnv, REPO, runCli, show } from "../cli/run-cli.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { createProject, type Project } from "../support/project.ts"

/**
 * The team's database made by Medusa 2.21.2, beside the checkout; a clone elsewhere on this machine
 * (CI's) finds it at the workplace's fixed path.
 */
const DUMP =
  [join(REPO, "..", "shared"), "/work/shared"]
    .map((dir) => join(dir, "fixtures", "medusa-2.21-database.sql"))
    .find((file) => existsSync(file)) ?? "medusa-2.21-database.sql (not found)"

const blogModel = (name: string) => `
import { model } from "modlink"
export default model.define("${name}", { id: model.id().primaryKey(), title: model.text() })
`

/** The fixture project's blog module and links, with modlink's imports. */
const files: Record<string, string> = {
  "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({ modules: ["modlink/product", "./src/modules/blog"] })
`,
  "src/modules/blog/models/post.ts": blogModel("post"),
  "src/modules/blog/models/note.ts": blogModel("note"),
  "src/modules/blog/models/badge.ts": blogModel("badge"),
  "src/modules/blog/index.ts": `
import { Module, ModuleService } from "modlink"
import Badge from "./models/badge"
import Note from "./models/note"
import Post from "./models/post"
class BlogModuleService extends ModuleService({ Post, Note, Badge }) {}
export default Module("blog", { service: BlogModuleService })
`,
  "src/links/blog-product.ts": `
import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog"
export default defineLink(ProductModule.linkable.product, BlogModule.linkable.post)
`,
  "src/links/product-notes.ts": `
import { defineLink } from "modlink"
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog"
export default defineLink(ProductModule.linkable.product, {
  linkable: BlogModule.linkable.note,
  isList: true,
  deleteCascade: true,
})
`,
}

const LINK_TABLES = ["product_product_blog_post", "product_product_blog_note"]

/** Tables of the project: the product and blog modules', the two links', and modlink's own. */
function ours(table: string): boolean {
  return (
    table.startsWith("modlink_") ||
    LINK_TABLES.includes(table) ||
    ["post", "note", "badge", "product_product_option", "product_tags", "product_category_product"].includes(
      table,
    ) ||
    (table.startsWith("product_") && !table.includes("_sales_channel") && !table.includes("_shipping_")) ||
    table === "product"
  )
}

/** Every other table's columns, indexes, constraints and rows, as one text to compare. */
async function othersDigest(db: Database): Promise<string> {
  const { rows } = await db.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  )
  const parts: string[] = []
  for (const { name } of rows.filter((row) => !ours(row.name))) {
    const shape = await db.query<{ shape: string }>(
      `select concat_ws('|',
         (select string_agg(attname || ':' || format_type(atttypid, atttypmod) || ':' || attnotnull, ',' order by attnum)
            from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped),
         (select string_agg(indexdef, ',' order by indexname) from pg_indexes where schemaname = 'public' and tablename = $2),
         (select string_agg(pg_get_constraintdef(oid), ',' order by conname) from pg_constraint where conrelid = $1::regclass),
         (select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from public."${name}" t)) as shape`,
      [`public."${name}"`, name],
    )
    parts.push(`${name}=${shape.rows[0]?.shape}`)
  }
  return parts.join("\n")
}

/** Count and md5 of a link table's rows, key columns as text. */
async function linkRows(db: Database, table: string, key: string) {
  const { rows } = await db.query<{ count: number; digest: string }>(
    `select count(*)::int as count,
            md5(string_agg(concat_ws(',', id, product_id, ${key}, created_at, updated_at, deleted_at), ';' order by id)) as digest
     from ${table}`,
  )
  return rows[0]
}

const ADOPTED_SCRIPT = `
export default async function ({ container }: { container: any }) {
  const query = container.resolve("query")
  const { data } = await query.graph({ entity: "product", fields: ["id", "title", "post.title", "notes.title"] })
  console.log(JSON.stringify(data))
}
`

const WRITE_SCRIPT = `
export default async function ({ container }: { container: any }) {
  const link = container.resolve("link")
  const blog = container.resolve("blog")
  const product = container.resolve("product")
  const [first, second] = await product.listProducts({}, { order: { id: "ASC" }, take: 2 })
  const [note] = await blog.createNotes([{ title: "adopted note" }])
  await link.create({ product: { product_id: first.id }, blog: { note_id: note.id } })
  const [post] = await blog.listPosts({}, { take: 1, order: { id: "ASC" } })
  const query = container.resolve("query")
  const { data } = await query.graph({ entity: "post", fields: ["id", "product.id"], filters: { id: post.id } })
  await link.dismiss({ product: { product_id: data[0].product.id }, blog: { post_id: post.id } })
  await product.softDeleteProducts([second.id])
  await link.delete({ product: { product_id: second.id } })
  console.log(JSON.stringify({ first: first.id, second: second.id, note: note.id, post: post.id }))
}
`

describe.skipIf(!backendKinds.includes("postgres") || !existsSync(DUMP))(
  "a Medusa 2.21.2 database, adopted",
  () => {
    let medusa: FreshDatabase
    let empty: FreshDatabase
    let project: Project
    let db: Database
    let handWritten = ""
    const cli = (args: string[], url = medusa.url) =>
      runCli(args, { cwd: project.dir, env: { DATABASE_URL: url } })

    beforeAll(async () => {
      medusa = await freshDatabase("postgres")
      empty = await freshDatabase("postgres")
      execFileSync("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-d", medusa.url, "-f", DUMP], {
        stdio: "pipe",
        env: childEnv(),
      })
      project = createProject(files)
      // The blog module's first migration, as its author would make it: on an empty database.
      const generated = await cli(["db:generate", "blog"], empty.url)
      expect(generated.code, show(generated)).toBe(0)
      db = await medusa.open()
    })
    afterAll(async () => {
      await db?.close()
      project?.cleanup()
      await medusa?.drop()
      await empty?.drop()
    })

    it("baselines both modules, adopts both link tables with every row, and leaves the rest alone", async () => {
      const others = await othersDigest(db)
      const posts = await linkRows(db, "product_product_blog_post", "post_id")
      const notes = await linkRows(db, "product_product_blog_note", "note_id")
      const relfile = async (table: string) =>
        (await db.query<{ f: string }>(`select pg_relation_filenode('${table}')::text as f`)).rows[0]?.f
      const fileBefore = await relfile("product_product_blog_post")

      const dryRun = await cli(["db:migrate", "--dry-run"])
      expect(dryRun.code, show(dryRun)).toBe(0)
      expect(dryRun.stdout).toMatch(/product: would record 2 migration files as applied/)
      expect(dryRun.stdout).toMatch(/not ours, left alone .*cart_promotion/)

      const migrated = await cli(["db:migrate"])
      expect(migrated.code, show(migrated)).toBe(0)
      expect(migrated.stdout).toMatch(
        /product: baselined, 2 migration files recorded as applied \(its tables already match/,
      )
      expect(migrated.stdout).toMatch(/blog: baselined, 1 migration file recorded as applied/)
      // Adoption is safe: nothing was skipped for want of a terminal.
      expect(`${migrated.stdout}${migrated.stderr}`).not.toMatch(/skipped/i)

      expect(await linkRows(db, "product_product_blog_post", "post_id")).toEqual(posts)
      expect(await linkRows(db, "product_product_blog_note", "note_id")).toEqual(notes)
      expect(posts.count).toBe(20)
      expect(notes.count).toBe(100)
      // varchar(255) → text only changed the catalog: the table was not rewritten.
      expect(await relfile("product_product_blog_post")).toBe(fileBefore)
      expect(await othersDigest(db)).toBe(others)

      const again = await cli(["db:migrate"])
      expect(again.code, show(again)).toBe(0)
      expect(again.stdout).not.toMatch(/baselined|create/)
      const status = await cli(["db:sync-links", "--dry-run"])
      expect(status.stdout).toMatch(/already up-to-date/)
    })

    it("reads the 20 products with their post and 5 notes through query.graph", async () => {
      project.write({ "src/scripts/adopted.ts": ADOPTED_SCRIPT })
      const run = await cli(["exec", "./src/scripts/adopted.ts"])
      expect(run.code, show(run)).toBe(0)
      handWritten = run.stdout.trim().split("\n").at(-1)!
      const products = JSON.parse(handWritten) as {
        post: { title: string } | null
        notes: { title: string }[]
      }[]
      expect(products).toHaveLength(20)
      for (const product of products) {
        expect(product.post?.title).toEqual(expect.any(String))
        expect(product.notes).toHaveLength(5)
      }
    })

    it("db:pull writes a blog module from the tables that answers query.graph as the hand-written one", async () => {
      const pulling = createProject({
        "modlink.config.ts": files["modlink.config.ts"].replace(', "./src/modules/blog"', ""),
      })
      try {
        const run = (args: string[]) => runCli(args, { cwd: pulling.dir, env: { DATABASE_URL: medusa.url } })
        const pulled = await run(["db:pull", "--tables", "post,note,badge", "--module", "blog"])
        expect(pulled.code, show(pulled)).toBe(0)
        pulling.write({
          "modlink.config.ts": files["modlink.config.ts"],
          "src/links/blog-product.ts": files["src/links/blog-product.ts"],
          "src/links/product-notes.ts": files["src/links/product-notes.ts"],
          "src/scripts/adopted.ts": ADOPTED_SCRIPT,
        })
        const read = await run(["exec", "./src/scripts/adopted.ts"])
        expect(read.code, show(read)).toBe(0)
        expect(read.stdout.trim().split("\n").at(-1)).toBe(handWritten)
      } finally {
        pulling.cleanup()
      }
    })

    it("creates, dismisses and deletes with cascade on the adopted tables", async () => {
      project.write({ "src/scripts/write.ts": WRITE_SCRIPT })
      const run = await cli(["exec", "./src/scripts/write.ts"])
      expect(run.code, show(run)).toBe(0)
      const ids = JSON.parse(run.stdout.trim().split("\n").at(-1)!)
      const created = await db.query(
        "select 1 from product_product_blog_note where product_id = $1 and note_id = $2",
        [ids.first, ids.note],
      )
      expect(created.rows).toHaveLength(1)
      const dismissed = await db.query<{ deleted: boolean }>(
        "select deleted_at is not null as deleted from product_product_blog_post where post_id = $1",
        [ids.post],
      )
      expect(dismissed.rows).toEqual([{ deleted: true }])
      // The deleted product's 5 notes went with it (deleteCascade on the note side), links included.
      const cascaded = await db.query<{ notes: number; links: number }>(
        `select (select count(*)::int from note n join product_product_blog_note l on l.note_id = n.id
                where l.product_id = $1 and n.deleted_at is not null) as notes,
              (select count(*)::int from product_product_blog_note where product_id = $1 and deleted_at is not null) as links`,
        [ids.second],
      )
      expect(cascaded.rows).toEqual([{ notes: 5, links: 5 }])
    })
  },
)
