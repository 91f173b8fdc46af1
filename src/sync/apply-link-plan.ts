import type { Database } from "../db/database.ts"
import { ModlinkError } from "../errors/index.ts"
import type { ResolvedTableLink } from "../link/resolved-link.ts"
import type { LinkAction, LinkPlan } from "./link-plan.ts"
import { ensureLinkRegistry, forgetLinks, recordLinks } from "./link-registry.ts"

export interface ApplyLinkPlanOptions {
  /**
   * Whether to run an action (noops are never asked about). Called for every action before the
   * transaction opens, so a prompt never holds locks. Default: safe actions only.
   */
  accept?: (action: LinkAction) => boolean | Promise<boolean>
}

export interface ApplyLinkPlanResult {
  applied: LinkAction[]
  skipped: LinkAction[]
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
  const accept = options.accept ?? ((action: LinkAction) => action.safe)
  const applied: LinkAction[] = []
  const skipped: LinkAction[] = []
  for (const action of plan.actions) {
    if (action.kind === "noop") continue
    if (await accept(action)) applied.push(action)
    else skipped.push(action)
  }
  if (applied.length === 0) return { applied, skipped }
  await db.transaction(async (tx) => {
    // Two deploys syncing at once take turns here; the later one then fails cleanly on its stale
    // plan ("already exists") instead of racing the first one's CREATE TABLE in the catalogs.
    await tx.query("select pg_advisory_xact_lock(hashtext('modlink:link-sync'))")
    await ensureLinkRegistry(tx)
    for (const action of applied) {
      for (const change of action.changes) await run(tx, action, change.statement)
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
  return { applied, skipped }
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
