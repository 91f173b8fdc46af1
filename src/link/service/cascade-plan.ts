import { type Database, sql } from "../../db/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import { type LinkEnd, type LinkGraph, modelKey } from "./link-graph.ts"
import type { LinkKeyRow } from "./link-input.ts"
import { keyColumns, toKeyRow } from "./link-rows.ts"

/**
 * What a cascade removes, as plain data: it is returned by `dryRun`, applied per database, and
 * stored in the cascade journal so `restore` can bring back exactly this and nothing else.
 */
export interface CascadePlan {
  /** Records the caller deleted (model key → ids): the cascade starts there and never writes them. */
  roots: Record<string, string[]>
  /** Records the cascade soft-deletes, by model key (`blog.post`). */
  records: Record<string, string[]>
  /** Link rows the cascade soft-deletes, by link table. */
  links: Record<string, LinkKeyRow[]>
}

export const isEmptyPlan = (plan: CascadePlan): boolean =>
  Object.keys(plan.records).length === 0 && Object.keys(plan.links).length === 0

/** Where the plan reads: link tables on `main`, records on each module's database. */
export interface PlanReader {
  main: Database
  databaseOf(module: string): Database
}

/** Live rows of one link pointing at the frontier, through whichever of its sides the frontier reaches. */
async function liveLinkRows(
  db: Database,
  link: ResolvedTableLink,
  ends: readonly LinkEnd[],
  frontier: ReadonlyMap<string, string[]>,
): Promise<LinkKeyRow[]> {
  const matches = ends.map((end) => {
    const side = link[end.near]
    return sql`t.${sql.id(side.key)} = any(${frontier.get(modelKey(side.module, side.model))})`
  })
  const { rows } = await db.query(
    sql`select ${keyColumns(link)} from ${sql.id(link.table)} t where t.deleted_at is null and (${sql.join(matches, " or ")})`,
  )
  return rows.map(toKeyRow)
}

/** The ids among `ids` whose record is live: only those are soft-deleted and cascade further. */
async function liveRecords(
  graph: LinkGraph,
  reader: PlanReader,
  model: string,
  ids: string[],
): Promise<string[]> {
  const ref = graph.ref(model)!
  const pk = sql.id(ref.primaryKey)
  const { rows } = await reader
    .databaseOf(ref.module)
    .query<{ id: string }>(
      sql`select ${pk} as id from ${sql.id(ref.table)} where ${pk} = any(${ids}) and deleted_at is null`,
    )
  return rows.map((r) => r.id)
}

/**
 * Walks the links breadth first from the deleted records. Per level: one SELECT per link table
 * touching the frontier (its live rows are removed) and one per model reached through a
 * `deleteCascade` side (its live records are removed and form the next frontier). A record is
 * reached at most once, so cycles end; only reads happen here.
 */
export async function planCascade(
  graph: LinkGraph,
  reader: PlanReader,
  roots: ReadonlyMap<string, string[]>,
): Promise<CascadePlan> {
  const plan: CascadePlan = { roots: Object.fromEntries(roots), records: {}, links: {} }
  const reached = new Map<string, Set<string>>([...roots].map(([model, ids]) => [model, new Set(ids)]))
  const seenRows = new Set<string>()
  let frontier = new Map(roots)
  while (frontier.size > 0) {
    const touched = new Map<string, LinkEnd[]>()
    for (const model of frontier.keys()) {
      for (const end of graph.endsOf(model))
        touched.set(end.link.table, [...(touched.get(end.link.table) ?? []), end])
    }
    const inFrontier = new Map([...frontier].map(([model, ids]) => [model, new Set(ids)]))
    const candidates = new Map<string, Set<string>>()
    for (const ends of touched.values()) {
      const link = ends[0].link
      for (const row of await liveLinkRows(reader.main, link, ends, frontier)) {
        if (seenRows.has(`${link.table}:${row.id}`)) continue
        seenRows.add(`${link.table}:${row.id}`)
        plan.links[link.table] ??= []
        plan.links[link.table].push(row)
        for (const end of ends) {
          const near = link[end.near]
          const far = link[end.far]
          if (!inFrontier.get(modelKey(near.module, near.model))?.has(row[end.near])) continue
          const farModel = modelKey(far.module, far.model)
          if (!far.deleteCascade || reached.get(farModel)?.has(row[end.far])) continue
          candidates.set(farModel, (candidates.get(farModel) ?? new Set()).add(row[end.far]))
        }
      }
    }
    const next = new Map<string, string[]>()
    for (const [model, ids] of candidates) {
      const seen = reached.get(model) ?? new Set()
      for (const id of ids) seen.add(id)
      reached.set(model, seen)
      const live = await liveRecords(graph, reader, model, [...ids])
      if (live.length === 0) continue
      plan.records[model] = (plan.records[model] ?? []).concat(live)
      next.set(model, live)
    }
    frontier = next
  }
  return plan
}
