import { describeLink } from "../link/resolved-link.ts"
import type { LinkAction, LinkPlan } from "./link-plan.ts"

export interface RenderPlanOptions {
  /** Print every statement under its action (`--dry-run`). */
  sql?: boolean
}

/** The label of an action in the plan's first column. */
export function actionLabel(action: LinkAction): string {
  if (action.kind === "noop" || action.safe) return action.kind
  return action.kind === "delete" ? "delete (asks)" : `${action.kind} (unsafe)`
}

/**
 * The plan as aligned text lines (no colours: the CLI adds them): action, link, table, then the
 * warnings and, when asked, the SQL of each action indented below it.
 */
export function renderPlan(plan: LinkPlan, options: RenderPlanOptions = {}): string[] {
  const foreign = plan.foreignTables?.length
    ? [
        `not ours, left alone (Medusa's link tables no definition here names): ${plan.foreignTables.join(", ")}`,
      ]
    : []
  if (plan.actions.length === 0) return ["No links defined and none recorded: nothing to sync.", ...foreign]
  const rows = plan.actions.map((action) => [
    actionLabel(action),
    describeLink(action.descriptor),
    action.previousTable && action.previousTable !== action.table
      ? `${action.previousTable} → ${action.table}`
      : action.table,
  ])
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  const lines: string[] = []
  plan.actions.forEach((action, i) => {
    lines.push(
      rows[i]
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd(),
    )
    if (action.previousDescriptor) lines.push(`    was ${describeLink(action.previousDescriptor)}`)
    for (const warning of action.warnings) lines.push(`    ! ${warning}`)
    if (!options.sql) return
    for (const change of action.changes) {
      lines.push(`    -- ${change.description}`)
      lines.push(`    ${change.statement};`)
    }
  })
  return [...lines, ...foreign]
}
