import type { Edge, Entity } from "../../schema/index.ts"
import type { FilterPlan } from "./filter-plan.ts"
import type { KeyLookup, RankBy } from "./key-lookup.ts"

/**
 * The lookups that bring the keys of `edge`'s targets (on another database) to a statement on
 * `database`, for a filter (`filter`) or a sort (`rank`). The first runs on the target's database,
 * joining the pivot when it lives there; a pivot on a third database adds a second lookup mapping
 * target keys to source keys. A pivot on `database` itself is left to the statement
 * (`localPivot`): it joins the pivot to the target keys.
 */
export function lookupAcross(
  nextId: () => number,
  edge: Edge,
  target: Entity,
  database: string,
  what: { filter?: FilterPlan; rank?: RankBy },
): { lookup: KeyLookup; localPivot: boolean } {
  const through = edge.through
  const joinPivot = through !== undefined && through.database === target.database
  const targetKeys: KeyLookup = {
    kind: "target",
    id: nextId(),
    database: target.database,
    edge,
    target,
    joinPivot,
    ...what,
  }
  if (!through || joinPivot) return { lookup: targetKeys, localPivot: false }
  if (through.database === database) return { lookup: targetKeys, localPivot: true }
  return {
    lookup: {
      kind: "pivot",
      id: nextId(),
      database: through.database,
      edge,
      from: targetKeys,
      pick: what.rank?.pick,
    },
    localPivot: false,
  }
}
