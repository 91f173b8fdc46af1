import type { Database } from "../../db/index.ts"
import { compileCount, compileRoot } from "../compile/compile-root.ts"
import type { QueryPlan } from "../plan/fragment.ts"
import type { GraphResult } from "../query-input.ts"
import { attachChildren } from "./attach-children.ts"
import { compileFor, executeContext } from "./execute-context.ts"
import { jsonRecord } from "./json-record.ts"
import { resolveLookups } from "./resolve-lookups.ts"
import { reviveDates } from "./revive-dates.ts"

/**
 * The execute stage: key lookups first, then the root statement (one per query), then the child
 * fragments on other databases, batch by batch, stitched into the root records.
 */
export async function executePlan(
  plan: QueryPlan,
  databases: ReadonlyMap<string, Database>,
): Promise<GraphResult> {
  const exec = executeContext(databases, plan.withDeleted)
  const { root } = plan
  await resolveLookups(exec, root.node)
  const ctx = compileFor(exec)
  const db = exec.database(root.database, root.node.entity.name)
  const { rows } = await db.query<{ j: unknown; total?: unknown }>(compileRoot(ctx, root))
  const data = rows.map((row) => jsonRecord(row.j))
  reviveDates(root.node, data)
  await attachChildren(exec, root.node, data)
  if (!root.page) return { data }
  const { skip, take } = root.page
  let count = rows.length > 0 ? Number(rows[0].total) : 0
  // An empty page is either "nothing matches" or a page past the end (or of size 0); only the
  // latter still owes the caller a total, which then needs its own statement.
  if (rows.length === 0 && (skip > 0 || take === 0)) {
    const counted = await db.query<{ count: unknown }>(compileCount(ctx, root.node))
    count = Number(counted.rows[0].count)
  }
  return { data, metadata: { count, skip, take } }
}
