import { describeLink } from "../../link/resolved-link.ts"
import { type LinkAction, type LinkPlan, type PlannedChange, safeChanges } from "./link-plan.ts"

/** What will happen to an action's unsafe changes: run, asked about, or left (safe part only). */
export type ActionFate = "run" | "ask" | "skip"

export interface RenderPlanOptions {
  /** Print every statement under its change (`--dry-run`). */
  sql?: boolean
  /** What the run will do with each unsafe action; without it the label only says "unsafe". */
  fate?: (action: LinkAction) => ActionFate
}

/** The label of an action in the plan's first column, saying what this run will do with it. */
export function actionLabel(action: LinkAction, fate?: ActionFate): string {
  if (action.kind === "noop" || action.safe) return action.kind
  if (fate === "run") return action.kind === "delete" ? "delete" : `${action.kind} (unsafe)`
  if (fate === "ask") return `${action.kind} (asks)`
  if (fate === "skip")
    return safeChanges(action).length > 0 ? `${action.kind} (safe part only)` : `${action.kind} (skipped)`
  return action.kind === "delete" ? "delete (asks)" : `${action.kind} (unsafe)`
}

/** `add column note text`, or `! add unique index … (2 rows violate it)` for a change that asks. */
export function changeLine(change: PlannedChange): string {
  const rows =
    change.violatingRows === undefined
      ? ""
      : ` (${change.violatingRows} row${change.violatingRows === 1 ? "" : "s"} violate it)`
  return `${change.safe ? "-" : "!"} ${change.description}${change.safe ? "" : rows}`
}

/**
 * The plan as aligned text lines (no colours: the CLI adds them): action, link, table, then what
 * changes (the definition's notes, every change, rows a delete loses) and, when asked, the SQL of
 * each change, indented below it.
 */
export function renderPlan(plan: LinkPlan, options: RenderPlanOptions = {}): string[] {
  const foreign = plan.foreignTables?.length
    ? [
        `not ours, left alone (Medusa's link tables no definition here names): ${plan.foreignTables.join(", ")}`,
      ]
    : []
  if (plan.actions.length === 0) return ["No links defined and none recorded: nothing to sync.", ...foreign]
  const rows = plan.actions.map((action) => [
    actionLabel(action, options.fate?.(action)),
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
    for (const note of action.notes) lines.push(`    ${note}`)
    for (const change of action.changes) {
      lines.push(`    ${changeLine(change)}`)
      if (options.sql) lines.push(`      ${change.statement};`)
    }
    if (action.kind === "delete") for (const warning of action.warnings) lines.push(`    ! ${warning}`)
  })
  return [...lines, ...foreign]
}
