import { confirm, isCancel } from "@clack/prompts"
import type { App } from "../../app/index.ts"
import { applyLinkPlan } from "../../sync/apply-link-plan.ts"
import type { LinkAction } from "../../sync/link-plan.ts"
import { planHasWork } from "../../sync/link-plan.ts"
import { modelRefs, planLinkSync } from "../../sync/plan-link-sync.ts"
import { renderPlan } from "../../sync/render-plan.ts"
import { colors } from "../output/colors.ts"
import { UsageError } from "../run-command.ts"
import { decide, type SyncMode } from "./sync-policy.ts"

export interface SyncLinksOptions {
  mode: SyncMode
  dryRun: boolean
  /** A person can answer prompts (stdin and stdout are a terminal). */
  interactive: boolean
}

/**
 * `db:sync-links` and the last step of `db:migrate`: print the plan, settle every action that is
 * not safe (flag, prompt, or skip with a warning), then apply in one transaction.
 */
export async function syncLinks(app: App, options: SyncLinksOptions): Promise<void> {
  console.log("Syncing links…")
  const plan = await planLinkSync(app.db, app.links, {
    models: modelRefs(app.modules.map((m) => m.definition)),
  })
  if (!planHasWork(plan)) {
    console.log("Database already up-to-date.")
    return
  }
  for (const line of renderPlan(plan, { sql: options.dryRun })) console.log(paint(line))
  if (options.dryRun) {
    console.log(colors.dim("Dry run: nothing was changed."))
    return
  }
  const accept = async (action: LinkAction) => {
    const decision = decide(action, options.mode, options.interactive)
    return decision === "ask" ? ask(action) : decision === "run"
  }
  const { applied, skipped } = await applyLinkPlan(app.db, plan, { accept })
  for (const action of applied) console.log(`${colors.green("✓")} ${action.description}`)
  for (const action of skipped) {
    const why =
      options.mode === "safe"
        ? "skipped by --execute-safe"
        : options.interactive
          ? "declined"
          : "needs a confirmation and no terminal is attached: run on a terminal, or with --execute-all"
    console.error(`${colors.yellow("warning")} skipped ${action.description} (${why})`)
  }
  console.log(applied.length > 0 ? "Links sync completed." : "Nothing was applied.")
}

async function ask(action: LinkAction): Promise<boolean> {
  for (const warning of action.warnings) console.log(colors.yellow(`  ! ${warning}`))
  for (const change of action.changes) console.log(colors.dim(`  ${change.statement};`))
  const answer = await confirm({ message: `Apply ${action.description}?`, initialValue: false })
  if (isCancel(answer)) throw new UsageError("Link sync cancelled: nothing was changed")
  return answer
}

/** Every model of the app, so the planner can tell a renamed model from one that still exists. */
function paint(line: string): string {
  if (line.startsWith("    !")) return colors.yellow(line)
  if (line.startsWith("    ")) return colors.dim(line)
  return line
}
