import { compileLookup } from "../compile/compile-lookup.ts"
import { isRanked } from "../plan/key-lookup.ts"
import { lookupsOf } from "../plan/lookups-of.ts"
import type { PlanNode } from "../plan/plan-node.ts"
import { compileFor, type ExecuteContext } from "./execute-context.ts"

/**
 * Runs the key lookups a fragment's filters and sort keys depend on, dependencies first, so the
 * fragment then compiles with the keys (and ranks) in hand. One statement per lookup, whatever the
 * number of keys: they travel back as one array parameter.
 */
export async function resolveLookups(exec: ExecuteContext, node: PlanNode): Promise<void> {
  for (const lookup of lookupsOf(node)) {
    if (exec.keys.has(lookup.id)) continue
    const entity = lookup.kind === "target" ? lookup.target.name : lookup.edge.through!.table
    const { rows } = await exec
      .database(lookup.database, entity)
      .query<{ k: unknown; r?: unknown }>(compileLookup(compileFor(exec), lookup))
    exec.keys.set(
      lookup.id,
      rows.map((row) => row.k),
    )
    if (isRanked(lookup))
      exec.ranks.set(
        lookup.id,
        rows.map((row) => row.r),
      )
  }
}
