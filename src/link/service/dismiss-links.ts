import { atomically, type Database, sql } from "../../db/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import { byTable, lockOrder, type Pair, pairKey } from "./cardinality.ts"
import type { LinkGraph } from "./link-graph.ts"
import type { LinkEvent, LinkInput, LinkRow } from "./link-input.ts"
import { eventRow, LEFT, linkRowColumns, RIGHT, toLinkRow, zippedRecords } from "./link-rows.ts"
import { pairMatcher } from "./match-link.ts"

interface DismissGroup {
  link: ResolvedTableLink
  pairs: Map<string, Pair>
}

/** Validates every input (same shape as `create`; `data` is ignored) and groups the pairs per link. */
export function groupDismissInputs(inputs: readonly LinkInput[], graph: LinkGraph): DismissGroup[] {
  const groups = new Map<string, DismissGroup>()
  const matchPair = pairMatcher(graph)
  inputs.forEach((input, index) => {
    const where = inputs.length > 1 ? `link.dismiss input #${index}` : "link.dismiss"
    const { link, leftId, rightId } = matchPair(input, where)
    const group = groups.get(link.table) ?? { link, pairs: new Map() }
    group.pairs.set(pairKey(leftId, rightId), { left: leftId, right: rightId })
    groups.set(link.table, group)
  })
  return [...groups.values()].sort(byTable)
}

/**
 * `link.dismiss`: one UPDATE per link table soft-deletes the live rows of the given pairs, in one
 * transaction when there are several tables. Pairs without a live row are skipped silently; the result lists what was dismissed.
 * A later `create` of the same pair revives the row, and `restore` never does (it only brings back
 * what a cascade removed).
 */
export async function dismissLinks(
  main: Database,
  groups: readonly DismissGroup[],
): Promise<{ rows: LinkRow[]; events: LinkEvent[] }> {
  return atomically(main, groups.length, async (tx) => {
    let rows: LinkRow[] = []
    const events: LinkEvent[] = []
    for (const { link, pairs } of groups) {
      const ordered = lockOrder(pairs.values())
      const input = zippedRecords([
        [LEFT, ordered.map((p) => p.left)],
        [RIGHT, ordered.map((p) => p.right)],
      ])
      const l = sql.id("t", link.left.key)
      const r = sql.id("t", link.right.key)
      const result = await tx.query(
        sql`update ${sql.id(link.table)} t set deleted_at = now(), updated_at = now() from ${input} where ${l} = ${sql.id("i", LEFT)} and ${r} = ${sql.id("i", RIGHT)} and t.deleted_at is null returning ${linkRowColumns(link)}`,
      )
      if (!result.rows.length) continue
      const dismissed = result.rows.map((row) => toLinkRow(link, row))
      rows = rows.concat(dismissed)
      events.push({
        link: link.entryPoint,
        table: link.table,
        rows: dismissed.map((row) => eventRow(link, row)),
      })
    }
    return { rows, events }
  })
}
