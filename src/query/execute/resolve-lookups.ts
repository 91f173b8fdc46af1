import { compileContext } from "../compile/compile-context.ts"
import { compileLookup } from "../compile/compile-lookup.ts"
import { lookupsOf } from "../plan/lookups-of.ts"
import type { PlanNode } from "../plan/plan-node.ts"
import type { ExecuteContext } from "./execute-context.ts"

/**
 * Runs the key lookups a fragment's filters depend on, dependencies first, so the fragment then
 * compiles with the keys in hand. One statement per lookup, whatever the number of keys.
 */
export async function resolveLookups(exec: ExecuteContext, node: PlanNode): Promise<void> {
  for (const lookup of lookupsOf(node)) {
    if (exec.keys.has(lookup.id)) continue
    const ctx = compileContext(exec.withDeleted, (id) => exec.keys.get(id))
    const fromKeys = lookup.kind === "pivot" ? exec.keys.get(lookup.from.id) : undefined
    const entity = lookup.kind === "target" ? lookup.target.name : lookup.edge.through!.table
    const { rows } = await exec
      .database(lookup.database, entity)
      .query<{ k: unknown }>(compileLookup(ctx, lookup, fromKeys))
    exec.keys.set(
      lookup.id,
      rows.map((row) => row.k),
    )
  }
}
