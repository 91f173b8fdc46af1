import { afterAll, beforeAll } from "vitest"
import type { App } from "../../src/app/index.ts"
import { sql } from "../../src/db/index.ts"
import type { LinkEvent } from "../../src/link/service/index.ts"
import { blogModuleFiles, configFile, createProject, linkFile, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"

/** What a transaction suite works on: the app, the link events it saw, and a look at its tables. */
export interface LinkedApp {
  readonly app: App
  /** Every `attached` event, in order: events of a rolled-back transaction must never arrive. */
  readonly events: LinkEvent[]
  /** A handle no other test of the run uses. */
  handle(): string
  /** Counts rows through the app's pool, which is never inside a transaction. */
  count(table: string, where?: ReturnType<typeof sql>): Promise<number>
}

/**
 * The blog module linked to products, started on `url()` before the suite's tests and closed after
 * them. Call it inside a `describe`.
 */
export function linkedApp(url: () => string): LinkedApp {
  let project: Project | undefined
  let app: App | undefined
  const events: LinkEvent[] = []
  let n = 0
  beforeAll(async () => {
    project = createProject({
      ...configFile(),
      ...blogModuleFiles(),
      "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
    })
    app = await startApp(project.dir, url())
    app.onLink("attached", async (event) => {
      events.push(event)
    })
  })
  afterAll(async () => {
    await app?.close()
    project?.cleanup()
  })
  return {
    get app() {
      return app!
    },
    events,
    handle: () => `h-${++n}-${Math.random().toString(36).slice(2, 8)}`,
    count: async (table, where = sql`true`) =>
      (
        await app!.databases
          .get("main")!
          .query<{ n: number }>(sql`select count(*)::int as n from ${sql.id(table)} where ${where}`)
      ).rows[0].n,
  }
}
