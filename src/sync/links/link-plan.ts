import type { LinkDescriptor, ResolvedTableLink } from "../../link/resolved-link.ts"
import type { ChangeRisk, RowCondition } from "../tables/table-change.ts"

export type LinkActionKind = "create" | "update" | "rename" | "delete" | "noop"

/** One statement of an action and why it is there. */
export interface PlannedChange {
  description: string
  statement: string
  risk: ChangeRisk
  /** For a `may-fail` change: the rule existing rows must satisfy. */
  rule?: RowCondition["kind"]
  /** For a change that adds a rule: how many existing rows break it (the statement would fail). */
  violatingRows?: number
  /**
   * Runs without asking: keeps every row and cannot fail on existing data. A new unique index or
   * NOT NULL restricts what may be written from now on, even when no row breaks it today, so a
   * person confirms it; a NOT NULL column added to an empty table does not.
   */
  safe: boolean
}

/**
 * What sync would do to one link's table. Plain data: printed by `--dry-run`, asked about one by
 * one, then applied as given.
 */
export interface LinkAction {
  kind: LinkActionKind
  /** Every change is safe: the action runs without asking. */
  safe: boolean
  /** The link's table after the action (for a delete: the table dropped). */
  table: string
  /** For a rename: the table as it is now. */
  previousTable?: string
  descriptor: LinkDescriptor
  /** For a rename: the link as the registry knew it. */
  previousDescriptor?: LinkDescriptor
  /** `product.product <> blog.post (product_product_blog_post): create` */
  description: string
  changes: PlannedChange[]
  /** What a person should know before accepting: rows lost or in the way. */
  warnings: string[]
  /** What changes in the definition, beyond the statements: `cardinality 1:1 → 1:N`. */
  notes: string[]
  /** The definition the registry records once the action ran; absent for a delete. */
  link?: ResolvedTableLink
}

export interface LinkPlan {
  actions: LinkAction[]
  /** Link tables another system (Medusa) recorded that no definition here claims: left alone. */
  foreignTables?: string[]
}

/** The part of an action that runs without asking (`--execute-safe` applies it alone). */
export function safeChanges(action: LinkAction): PlannedChange[] {
  return action.changes.filter((change) => change.safe)
}

/** True when applying the plan would change something (the database or the registry). */
export function planHasWork(plan: LinkPlan): boolean {
  return plan.actions.some((action) => action.kind !== "noop")
}
