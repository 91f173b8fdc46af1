import { type App, type CreateAppOptions, createApp } from "../../src/app/index.ts"
import { modelRefs } from "../../src/link/model-ref.ts"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { applyLinkPlan } from "../../src/sync/links/apply-link-plan.ts"
import { planLinkSync } from "../../src/sync/links/plan-link-sync.ts"
import { diffTables } from "../../src/sync/tables/diff-tables.ts"

/**
 * Brings every module's tables and every link table straight to the definitions, without
 * migration files and without asking: for tests and benchmarks, which measure data, not
 * migrations. Each database's module changes run in one transaction; the link sync in its own.
 */
export async function pushSchema(app: Pick<App, "modules" | "databaseOf" | "db" | "links">): Promise<void> {
  for (const { definition } of app.modules) {
    const db = app.databaseOf(definition.name)
    const changes = diffTables(definition.tables, await introspectSchema(db))
    await db.transaction(async (tx) => {
      for (const change of changes) await tx.exec(change.statement)
    })
  }
  const models = modelRefs(app.modules.map((m) => m.definition))
  await applyLinkPlan(app.db, await planLinkSync(app.db, app.links, { models }), { accept: () => true })
}

/** `createApp` followed by `pushSchema`, closing the app if the push fails. */
export async function createPushedApp(options: CreateAppOptions): Promise<App> {
  const app = await createApp(options)
  try {
    await pushSchema(app)
    return app
  } catch (error) {
    await app.close()
    throw error
  }
}
