import { sql } from "../../db/index.ts"
import { modelKey } from "../model-ref.ts"
import type { LinkKeyRow } from "../service/link-input.ts"
import type { CascadeContext } from "./cascade-context.ts"
import { type CascadeEntry, recordToken } from "./cascade-journal.ts"

/** What restoring some records brings back from one journal entry. */
export interface RestorePlan {
  /** Cascaded records to restore, by model key. */
  records: Map<string, string[]>
  /** Link rows of the entry that touch a restored record, by table, with the tokens of both ends. */
  rows: Map<string, Array<LinkKeyRow & { ends: [string, string] }>>
  /** Ends that must be live for a row to come back, unless restored now. */
  isLive(token: string, restored: ReadonlySet<string>): boolean
}

/**
 * Mirrors the cascade from the restored records, inside one journal entry only: a link row of the
 * entry touching a restored record comes back, and across a `deleteCascade` side the record the
 * cascade removed comes back too, recursively. A row whose other end is still deleted (a root not
 * restored yet, a record deleted by something else) stays deleted, so restoring one of several
 * deleted products does not re-attach the others. Reads only the liveness of those other ends.
 */
export async function planRestore(
  ctx: CascadeContext,
  entry: CascadeEntry,
  given: ReadonlyMap<string, string[]>,
): Promise<RestorePlan> {
  const cascaded = new Set(
    Object.entries(entry.plan.records).flatMap(([m, ids]) => ids.map((id) => recordToken(m, id))),
  )
  const removed = new Set([
    ...cascaded,
    ...Object.entries(entry.plan.roots).flatMap(([m, ids]) => ids.map((id) => recordToken(m, id))),
  ])
  const restoring = new Set([...given].flatMap(([m, ids]) => ids.map((id) => recordToken(m, id))))
  const records = new Map<string, string[]>()
  const rows = new Map<string, Array<LinkKeyRow & { ends: [string, string] }>>()
  const taken = new Set<string>()
  let frontier = new Set(restoring)
  while (frontier.size > 0) {
    const next = new Set<string>()
    for (const [table, tableRows] of Object.entries(entry.plan.links)) {
      const link = ctx.graph.linkOfTable(table)
      if (!link) continue
      const leftModel = modelKey(link.left.module, link.left.model)
      const rightModel = modelKey(link.right.module, link.right.model)
      for (const row of tableRows) {
        const ends: [string, string] = [recordToken(leftModel, row.left), recordToken(rightModel, row.right)]
        for (const [near, far, farSide, farModel, farId] of [
          [ends[0], ends[1], link.right, rightModel, row.right],
          [ends[1], ends[0], link.left, leftModel, row.left],
        ] as const) {
          if (!frontier.has(near)) continue
          if (!taken.has(`${table}:${row.id}`)) {
            taken.add(`${table}:${row.id}`)
            if (!rows.has(table)) rows.set(table, [])
            rows.get(table)!.push({ ...row, ends })
          }
          if (farSide.deleteCascade && cascaded.has(far) && !restoring.has(far)) {
            restoring.add(far)
            next.add(far)
            if (!records.has(farModel)) records.set(farModel, [])
            records.get(farModel)!.push(farId)
          }
        }
      }
    }
    frontier = next
  }
  const live = await liveEnds(
    ctx,
    [...rows.values()].flat().flatMap((r) => r.ends),
    removed,
    restoring,
  )
  return {
    records,
    rows,
    isLive: (token, restored) => restored.has(token) || !removed.has(token) || live.has(token),
  }
}

/** Of the ends the entry removed and this restore does not bring back, those live again anyway. */
async function liveEnds(
  ctx: CascadeContext,
  ends: string[],
  removed: ReadonlySet<string>,
  restoring: ReadonlySet<string>,
): Promise<Set<string>> {
  const byModel = new Map<string, Set<string>>()
  for (const token of ends) {
    if (!removed.has(token) || restoring.has(token)) continue
    const split = token.indexOf(":")
    const model = token.slice(0, split)
    byModel.set(model, (byModel.get(model) ?? new Set()).add(token.slice(split + 1)))
  }
  const live = new Set<string>()
  for (const [model, ids] of byModel) {
    const ref = ctx.graph.ref(model)
    if (!ref) continue
    const pk = sql.id(ref.primaryKey)
    const { rows } = await ctx
      .databaseOf(ref.module)
      .db.query<{ id: string }>(
        sql`select ${pk} as id from ${sql.id(ref.table)} where ${pk} = any(${[...ids]}) and deleted_at is null`,
      )
    for (const { id } of rows) live.add(recordToken(model, id))
  }
  return live
}
