import type { App } from "../../app/index.ts"
import { describeLink } from "../../link/index.ts"
import { modelRefs } from "../../link/model-ref.ts"
import { applyLinkPlan } from "../../sync/links/apply-link-plan.ts"
import { planLinkSync } from "../../sync/links/plan-link-sync.ts"
import { actionLabel } from "../../sync/links/render-plan.ts"
import { renderTable } from "../output/table.ts"

/**
 * Plans the link tables, prints the plan as `db:sync-links` would, and applies it. On the demo's
 * fresh database every action is a safe create; anything else is left alone (safe actions only).
 */
export async function syncDemoLinks(app: App): Promise<number> {
  const plan = await planLinkSync(app.db, app.links, {
    models: modelRefs(app.modules.map((m) => m.definition)),
  })
  console.log(
    renderTable(
      ["ACTION", "LINK", "TABLE"],
      plan.actions.map((action) => [actionLabel(action), describeLink(action.descriptor), action.table]),
    ),
  )
  const { applied } = await applyLinkPlan(app.db, plan)
  return applied.length
}
