import { afterAll, beforeAll } from "vitest"
import type { Database } from "../../src/db/index.ts"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { type BackendKind, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, linkFile, type Project } from "../support/project.ts"
import { type CliResult, runCli } from "./run-cli.ts"

/** What a CLI test drives: the project, the CLI run in it, and a look at its database. */
export interface LinkedProject {
  readonly project: Project
  readonly database: FreshDatabase
  cli(...args: string[]): Promise<CliResult>
  /** Opens the database for one piece of work and closes it again, as a separate process would. */
  inspect<T>(work: (db: Database) => Promise<T>): Promise<T>
  /** The database's table names, sorted. */
  tables(): Promise<string[]>
}

/**
 * The blog module with the product↔post link on a fresh database of `kind`, set up before the
 * suite's tests and removed after them. Call it inside a `describe`.
 */
export function linkedProject(kind: BackendKind): LinkedProject {
  let project: Project | undefined
  let database: FreshDatabase | undefined
  beforeAll(async () => {
    database = await freshDatabase(kind)
    project = createProject({
      ...blogModuleFiles(),
      ...configFile(),
      "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
    })
  })
  afterAll(async () => {
    project?.cleanup()
    await database?.drop()
  })
  const inspect = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await fixture.database.open()
    try {
      return await work(db)
    } finally {
      await db.close()
    }
  }
  const fixture: LinkedProject = {
    get project() {
      return project!
    },
    get database() {
      return database!
    },
    cli: (...args) => runCli(args, { cwd: fixture.project.dir, env: { DATABASE_URL: fixture.database.url } }),
    inspect,
    tables: () => inspect(async (db) => [...(await introspectSchema(db)).tables.keys()].sort()),
  }
  return fixture
}
