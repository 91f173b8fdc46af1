import { type App, createApp } from "../../src/app/index.ts"
import { introspectSchema } from "../../src/db/introspect.ts"
import { applyLinkPlan } from "../../src/sync/apply-link-plan.ts"
import { diffTables } from "../../src/sync/diff-tables.ts"
import { planLinkSync } from "../../src/sync/plan-link-sync.ts"

/**
 * Loads the project on `url` and brings every module's tables and every link table up to date,
 * directly from the definitions (tests skip writing migration files; the CLI tests cover those).
 */
export async function startApp(cwd: string, url: string): Promise<App> {
  const app = await createApp({ cwd, databaseUrl: url })
  try {
    for (const { definition } of app.modules) {
      const db = app.databaseOf(definition.name)
      const changes = diffTables(definition.tables, await introspectSchema(db))
      await db.transaction(async (tx) => {
        for (const change of changes) await tx.exec(change.statement)
      })
    }
    const plan = await planLinkSync(app.db, app.links)
    await applyLinkPlan(app.db, plan, { accept: () => true })
    return app
  } catch (error) {
    await app.close()
    throw error
  }
}
