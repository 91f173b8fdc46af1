import type { Database } from "../../db/database.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ResolvedTableLink } from "../../link/resolved-link.ts"
import { ensureLinkRegistry, forgetLinks, recordLinks } from "../catalog/link-registry.ts"
import { type LinkAction, type LinkPlan, type PlannedChange, safeChanges } from "./link-plan.ts"

export interface ApplyLinkPlanOptions {
  /**
   * Whether to run the unsafe changes of an action (noops and all-safe actions are never asked
   * about). Declined, only the action's safe changes run. Called for every such action before the
   * transaction opens, so a prompt never holds locks. Default: decline (safe changes only).
   */
  accept?: (action: LinkAction) => boolean | Promise<boolean>
}

/** What became of one action: the changes that ran and those left for later. */
export interface ActionOutcome {
  action: LinkAction
  ran: PlannedChange[]
  left: PlannedChange[]
}

export interface ApplyLinkPlanResult {
  /** Actions that ran, whole or their safe part (then also in `skipped`). */
  applied: LinkAction[]
  /** Actions with at least one change left unapplied. */
  skipped: LinkAction[]
  /** Per action with work, what ran and what was left. */
  outcomes: ActionOutcome[]
}

/**
 * Runs the accepted actions and records them in the registry, all in one transaction: if any
 * statement fails, the link tables and the registry are exactly as before.
 */
export async function applyLinkPlan(
  db: Database,
  plan: LinkPlan,
  options: ApplyLinkPlanOptions = {},
): Promise<ApplyLinkPlanResult> {
  const accept = options.accept ?? (() => false)
  const outcomes: ActionOutcome[] = []
  for (const action of plan.actions) {
    if (action.kind === "noop") continue
    const whole = action.safe || (await accept(action))
    const ran = whole ? action.changes : safeChanges(action)
    outcomes.push({ action, ran, left: action.changes.filter((change) => !ran.includes(change)) })
  }
  // An action whose every change is left (a declined delete) does not run at all; one with a safe
  // part runs that part and is recorded, so the next plan shows only what is still left.
  const running = outcomes.filter((o) => o.ran.length > 0 || o.action.changes.length === 0)
  const applied = running.map((o) => o.action)
  const skipped = outcomes.filter((o) => o.left.length > 0).map((o) => o.action)
  if (applied.length === 0) return { applied, skipped, outcomes }
  await db.transaction(async (tx) => {
    // Two deploys syncing at once take turns here; the later one then fails cleanly on its stale
    // plan ("already exists") instead of racing the first one's CREATE TABLE in the catalogs.
    await tx.query("select pg_advisory_xact_lock(hashtext('modlink:link-sync'))")
    await ensureLinkRegistry(tx)
    for (const { action, ran } of running) {
      for (const change of ran) await run(tx, action, change.statement)
    }
    const forgotten = applied.flatMap((action) =>
      action.kind === "delete"
        ? [action.table]
        : action.previousTable && action.previousTable !== action.table
          ? [action.previousTable]
          : [],
    )
    await forgetLinks(tx, forgotten)
    await recordLinks(
      tx,
      applied.flatMap((action): ResolvedTableLink[] => (action.link ? [action.link] : [])),
    )
  })
  return { applied, skipped, outcomes }
}

async function run(tx: Database, action: LinkAction, statement: string): Promise<void> {
  try {
    await tx.query(statement)
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error)
    throw new ModlinkError("SYNC_FAILED", `Link sync failed at ${action.description}: ${reason}`, {
      hint: `nothing was changed (the sync runs in one transaction). Failing statement: ${statement}`,
      details: { action: action.description, statement, sqlState: (error as ModlinkError).details?.sqlState },
      cause: error,
    })
  }
}
