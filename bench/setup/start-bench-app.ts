import { type App, createApp } from "../../src/app/index.ts"
import { introspectSchema } from "../../src/db/introspect.ts"
import { applyLinkPlan } from "../../src/sync/apply-link-plan.ts"
import { diffTables } from "../../src/sync/diff-tables.ts"
import { planLinkSync } from "../../src/sync/plan-link-sync.ts"

/**
 * Loads the project on `url` and creates every module table and link table straight from the
 * definitions: the bench measures operations on data, not migration files.
 */
export async function startBenchApp(cwd: string, url: string): Promise<App> {
  const app = await createApp({ cwd, databaseUrl: url })
  try {
    for (const { definition } of app.modules) {
      const db = app.databaseOf(definition.name)
      const changes = diffTables(definition.tables, await introspectSchema(db))
      await db.transaction(async (tx) => {
        for (const change of changes) await tx.exec(change.statement)
      })
    }
    await applyLinkPlan(app.db, await planLinkSync(app.db, app.links), { accept: () => true })
    return app
  } catch (error) {
    await app.close()
    throw error
  }
}
