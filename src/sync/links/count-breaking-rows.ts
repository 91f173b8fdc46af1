import type { Database } from "../../db/database.ts"
import { conditionOf } from "../tables/render-change.ts"
import type { TableChange } from "../tables/table-change.ts"
import { countViolations } from "./count-violations.ts"
import type { LinkNode } from "./link-node.ts"

/** What the count found: rows breaking each change's rule, and rows a delete would drop. */
export interface BreakingRows {
  /** Absent for a change whose count is unknown (its rule names a column the same action adds). */
  changes: ReadonlyMap<TableChange, number>
  /** Rows in each table a delete drops. */
  deleted: ReadonlyMap<string, number>
}

/**
 * The one stage of planning that queries rows: for every change that adds a rule to an existing
 * table (a unique index, NOT NULL, a check), how many rows break it, so the plan can say
 * "3 rows violate it" before anyone accepts; for every delete, how many rows go. Read-only, one
 * query per such change, outside any transaction.
 */
export async function countBreakingRows(db: Database, nodes: readonly LinkNode[]): Promise<BreakingRows> {
  const changes = new Map<TableChange, number>()
  const deleted = new Map<string, number>()
  for (const node of nodes) {
    if (node.kind === "delete") {
      if (node.change)
        deleted.set(node.row.table, (await countViolations(db, node.row.table, { kind: "empty" })) ?? 0)
      continue
    }
    if (node.kind === "noop") continue
    const source = node.kind === "create" ? node.adopting : node.source
    if (!source) continue
    for (const change of node.changes) {
      const condition = conditionOf(change)
      if (!condition) continue
      const count = await countViolations(db, source.table, condition, source.columns)
      if (count !== undefined) changes.set(change, count)
    }
  }
  return { changes, deleted }
}
