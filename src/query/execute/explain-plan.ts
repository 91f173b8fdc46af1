import type { Sql } from "../../db/index.ts"
import { compileChildFragment } from "../compile/compile-child-fragment.ts"
import { compileContext } from "../compile/compile-context.ts"
import { compileLookup, compilePivotHop } from "../compile/compile-lookup.ts"
import { compileRoot } from "../compile/compile-root.ts"
import type { ChildFragment, QueryPlan } from "../plan/fragment.ts"
import { isRanked } from "../plan/key-lookup.ts"
import { lookupsOf } from "../plan/lookups-of.ts"
import type { PlanNode } from "../plan/plan-node.ts"
import type { ExplainedFragment } from "../query-input.ts"

/**
 * The statements a plan would run, in running order, without touching a database. Keys that exist
 * only at run time (lookup results, parent keys of a batch) appear as `<…>` descriptions.
 */
export function explainPlan(plan: QueryPlan): ExplainedFragment[] {
  const fragments: ExplainedFragment[] = []
  const ctx = () =>
    compileContext(plan.withDeleted, {
      keys: (id) => `<keys from lookup #${id}>`,
      ranks: (id) => `<ranks from lookup #${id}>`,
    })
  const show = (database: string, entity: string, statement: Sql, edges: ExplainedFragment["edges"] = []) => {
    const { text, values } = statement.compile()
    fragments.push({ database, entity, sql: text, params: values, edges })
  }
  const lookups = (node: PlanNode) => {
    for (const lookup of lookupsOf(node)) {
      const entity = lookup.kind === "target" ? lookup.target.name : lookup.edge.through!.table
      const kind = isRanked(lookup) ? "sort lookup" : "lookup"
      show(lookup.database, `${entity} (${kind} #${lookup.id})`, compileLookup(ctx(), lookup))
    }
  }
  const children = (node: PlanNode) => {
    for (const edge of node.edges) {
      if (edge.strategy !== "batched-any") children(edge.node)
      else child(edge.fragment, `<keys of ${edge.edge.source}.${edge.edge.name}, ${BATCH_NOTE}>`)
    }
  }
  const child = (fragment: ChildFragment, keys: string) => {
    if (fragment.pivotHop) {
      const { database, through } = fragment.pivotHop
      show(database, through.table, compilePivotHop(ctx(), through, keys))
      keys = `<target keys from ${through.table}>`
    }
    lookups(fragment.node)
    show(fragment.database, fragment.node.entity.name, compileChildFragment(ctx(), fragment, keys), [
      ...fragment.edges,
    ])
    children(fragment.node)
  }
  lookups(plan.root.node)
  show(plan.root.database, plan.root.node.entity.name, compileRoot(ctx(), plan.root), [...plan.root.edges])
  children(plan.root.node)
  return fragments
}

const BATCH_NOTE = "batches of up to 5000"
