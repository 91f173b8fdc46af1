import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { createProject, type Project } from "../support/project.ts"
import { runCli, show } from "./run-cli.ts"

const config = (modules: string[]) => ({
  "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({ modules: [${modules.map((m) => JSON.stringify(m)).join(", ")}] })
`,
})

/** The module whose tables are pulled: every DML type, modifier and relationship kind. */
const library = {
  "src/modules/library/models.ts": `
import { model } from "modlink"
export const Author = model.define("author", {
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
export const Book = model.define("book", {
  id: model.id().primaryKey(),
  title: model.text(),
  author: model.belongsTo(() => Author, { mappedBy: "books" }),
})
export const Group = model.define("group", {
  id: model.id().primaryKey(),
  label: model.text(),
  authors: model.manyToMany(() => Author, { mappedBy: "groups" }),
})
`,
  "src/modules/library/index.ts": `
import { Module, ModuleService } from "modlink"
import { Author, Book, Group } from "./models"
class LibraryService extends ModuleService({ Author, Book, Group }) {}
export default Module("library", { service: LibraryService })
`,
}

describe.skipIf(!backendKinds.includes("postgres"))("modlink db:pull", () => {
  let database: FreshDatabase
  let made: Project
  let pulled: Project
  const cli = (project: Project, ...args: string[]) =>
    runCli(args, { cwd: project.dir, env: { DATABASE_URL: database.url } })

  beforeAll(async () => {
    database = await freshDatabase("postgres")
    made = createProject({ ...config(["./src/modules/library"]), ...library })
    for (const args of [["db:generate", "library"], ["db:migrate"]]) {
      const result = await cli(made, ...args)
      expect(result.code, show(result)).toBe(0)
    }
    pulled = createProject(config([]))
  })
  afterAll(async () => {
    made?.cleanup()
    pulled?.cleanup()
    await database?.drop()
  })

  it("writes a module whose models db:generate finds nothing to change in", async () => {
    const result = await cli(pulled, "db:pull", "--module", "shelf")
    expect(result.code, show(result)).toBe(0)
    expect(result.stdout).toContain("✓ wrote src/modules/shelf/models/author.ts")
    expect(result.stdout).toMatch(
      /wrote src\/modules\/shelf\/migrations\/\d+_shelf\.sql, recorded as applied/,
    )
    expect(result.stdout).toContain('Add "./src/modules/shelf" to modules in modlink.config.ts.')
    pulled.write(config(["./src/modules/shelf"]))
    const generate = await cli(pulled, "db:generate", "shelf")
    expect(generate.code, show(generate)).toBe(0)
    expect(generate.stdout).toContain("shelf: no changes")
    const migrate = await cli(pulled, "db:migrate", "--dry-run")
    expect(migrate.stdout).not.toContain("would apply")
  })

  it("shows what changed after a schema change instead of overwriting, and exits 1; --force writes", async () => {
    const file = join(pulled.dir, "src/modules/shelf/models/book.ts")
    const before = readFileSync(file, "utf8")
    const db = await database.open()
    await db.exec("alter table book add column pages integer")
    await db.close()
    const result = await cli(pulled, "db:pull", "--module", "shelf")
    expect(result.code, show(result)).toBe(1)
    expect(result.stdout).toContain(
      "src/modules/shelf/models/book.ts differs from what the tables give (not written)",
    )
    expect(result.stdout).toContain("+   pages: model.number().nullable(),")
    expect(result.stdout).toContain("unchanged src/modules/shelf/models/group.ts")
    expect(readFileSync(file, "utf8")).toBe(before)
    const forced = await cli(pulled, "db:pull", "--module", "shelf", "--force")
    expect(forced.code, show(forced)).toBe(0)
    expect(readFileSync(file, "utf8")).toContain("pages: model.number().nullable(),")
  })

  it("names the closest table when --tables names one that does not exist", async () => {
    const result = await cli(pulled, "db:pull", "--tables", "autor", "--module", "x")
    expect(result.code, show(result)).toBe(1)
    expect(result.stderr).toContain('No table named "autor"')
    expect(result.stderr).toContain("author")
  })
})
