import type { FilterPlan } from "./filter-plan.ts"
import type { KeyLookup } from "./key-lookup.ts"
import type { OrderPlan, PlanNode } from "./plan-node.ts"

/**
 * The key lookups a fragment's statement needs (filters and sort keys of its root and inline
 * children), each after the lookups it depends on, so running them in this order always has the
 * keys in hand.
 */
export function lookupsOf(node: PlanNode): KeyLookup[] {
  const out: KeyLookup[] = []
  collectNode(node, out)
  return out
}

function collectNode(node: PlanNode, out: KeyLookup[]): void {
  collectFilter(node.filter, out)
  for (const term of node.order) collectOrder(term, out)
  for (const edge of node.edges) if (edge.strategy !== "batched-any") collectNode(edge.node, out)
}

function collectFilter(filter: FilterPlan | undefined, out: KeyLookup[]): void {
  if (!filter) return
  switch (filter.kind) {
    case "and":
    case "or":
      for (const item of filter.items) collectFilter(item, out)
      return
    case "exists":
      collectFilter(filter.filter, out)
      return
    case "in-keys":
    case "pivot-in-keys":
      collectLookup(filter.lookup, out)
      return
  }
}

function collectOrder(term: OrderPlan, out: KeyLookup[]): void {
  if (term.remote) collectLookup(term.remote.lookup, out)
}

function collectLookup(lookup: KeyLookup, out: KeyLookup[]): void {
  if (lookup.kind === "target") {
    collectFilter(lookup.filter, out)
    if (lookup.rank) collectOrder(lookup.rank.by, out)
  } else collectLookup(lookup.from, out)
  out.push(lookup)
}
