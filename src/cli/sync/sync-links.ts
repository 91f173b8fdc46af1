import type { App } from "../../app/index.ts"
import { modelRefs } from "../../link/model-ref.ts"
import { applyLinkPlan } from "../../sync/links/apply-link-plan.ts"
import type { LinkAction } from "../../sync/links/link-plan.ts"
import { planHasWork, safeChanges } from "../../sync/links/link-plan.ts"
import { planLinkSync } from "../../sync/links/plan-link-sync.ts"
import { renderPlan } from "../../sync/links/render-plan.ts"
import { colors } from "../output/colors.ts"
import { UsageError } from "../run-command.ts"
import { askRename } from "./ask-rename.ts"
import { decide, type SyncMode } from "./sync-policy.ts"

export interface SyncLinksOptions {
  mode: SyncMode
  dryRun: boolean
  /** A person can answer prompts (stdin and stdout are a terminal). */
  interactive: boolean
}

/**
 * `db:sync-links` and the last step of `db:migrate`: print the plan (what each action changes),
 * settle every unsafe action (flag, prompt, or keep only its safe changes), apply in one
 * transaction, then say per change what ran and what was left. Returns how many changes were left
 * unapplied, so the command can exit 3 and CI notices.
 */
export async function syncLinks(app: App, options: SyncLinksOptions): Promise<number> {
  console.log("Syncing links…")
  // A rename is asked about only where the answer is acted on now: on a terminal, not a dry run.
  const askRenames = options.interactive && options.mode === "ask" && !options.dryRun
  const plan = await planLinkSync(app.db, app.links, {
    models: modelRefs(app.modules.map((m) => m.definition)),
    ...(askRenames ? { resolveRename: askRename } : {}),
  })
  if (!planHasWork(plan)) {
    console.log("Database already up-to-date.")
    return 0
  }
  const fate = (action: LinkAction) => decide(action, options.mode, options.interactive)
  for (const line of renderPlan(plan, { sql: options.dryRun, fate })) console.log(paint(line))
  if (options.dryRun) {
    console.log(colors.dim("Dry run: nothing was changed."))
    return 0
  }
  const accept = async (action: LinkAction) => {
    const decision = fate(action)
    return decision === "ask" ? ask(action) : decision === "run"
  }
  const { outcomes } = await applyLinkPlan(app.db, plan, { accept })
  const why =
    options.mode === "safe"
      ? "skipped by --execute-safe"
      : options.interactive
        ? "declined"
        : "needs a confirmation and no terminal is attached: run on a terminal, or with --execute-all"
  for (const outcome of outcomes) {
    const done = outcome.ran.length > 0 || outcome.action.changes.length === 0
    if (done) console.log(`${colors.green("✓")} ${outcome.action.description}`)
    for (const change of outcome.ran) console.log(`    ${colors.green("✓")} ${change.description}`)
    if (outcome.left.length === 0) continue
    console.error(
      `${colors.yellow("warning")} skipped ${done ? "part of " : ""}${outcome.action.description} (${why})`,
    )
    for (const change of outcome.left) console.error(`    ${colors.yellow("✗")} ${change.description}`)
  }
  const ran = outcomes.reduce((sum, o) => sum + o.ran.length, 0)
  const left = outcomes.reduce((sum, o) => sum + o.left.length, 0)
  const summary = `${ran} change${ran === 1 ? "" : "s"} applied, ${left} left unapplied`
  if (left === 0) console.log(`Links sync completed: ${summary}.`)
  else
    console.error(
      `Links sync: ${summary}; exit code 3 (run with --execute-all, or on a terminal, to apply them).`,
    )
  return left
}

async function ask(action: LinkAction): Promise<boolean> {
  for (const warning of action.warnings) console.log(colors.yellow(`  ! ${warning}`))
  for (const change of action.changes) console.log(colors.dim(`  ${change.statement};`))
  const safePart = safeChanges(action).length
  // The prompt library loads only when a person is asked something.
  const { confirm, isCancel } = await import("@clack/prompts")
  const answer = await confirm({
    message: `Apply ${action.description}?${safePart ? " (no: only its safe changes run)" : ""}`,
    initialValue: false,
  })
  if (isCancel(answer)) throw new UsageError("Link sync cancelled: nothing was changed")
  return answer
}

function paint(line: string): string {
  if (line.startsWith("    !")) return colors.yellow(line)
  if (line.startsWith("    ")) return colors.dim(line)
  return line
}
