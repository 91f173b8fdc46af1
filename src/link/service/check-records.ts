import { type Database, sql } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ResolvedLinkSide } from "../resolved-link.ts"
import type { LinkGroup } from "./create-links.ts"

/** The ids one model must hold, with where that model lives. */
interface Wanted {
  side: ResolvedLinkSide
  ids: Set<string>
}

/**
 * Refuses a `link.create` batch naming a record that does not exist or is soft-deleted, so no
 * link points at nothing. One statement per database holding a model of the batch, whatever the
 * number of pairs and links; sides whose module the app cannot read (`readable`) are trusted.
 */
export async function refuseMissingRecords(
  groups: readonly LinkGroup[],
  databaseOf: (module: string) => { key: string; db: Database },
  readable: (module: string) => boolean,
): Promise<void> {
  const byDatabase = new Map<string, { db: Database; models: Map<string, Wanted> }>()
  for (const { link, pairs } of groups) {
    for (const [side, pick] of [
      [link.left, (p: { left: string }) => p.left],
      [link.right, (p: { right: string }) => p.right],
    ] as const) {
      if (!readable(side.module)) continue
      const { key, db } = databaseOf(side.module)
      const database = byDatabase.get(key) ?? { db, models: new Map() }
      byDatabase.set(key, database)
      const model = `${side.module}.${side.model}`
      const wanted = database.models.get(model) ?? { side, ids: new Set() }
      database.models.set(model, wanted)
      for (const pair of pairs.values()) wanted.ids.add(pick(pair))
    }
  }
  const missing = (
    await Promise.all([...byDatabase.values()].map(({ db, models }) => missingOn(db, [...models.values()])))
  ).flat()
  if (!missing.length) return
  const named = missing.slice(0, 10).map((m) => `${m.model} "${m.id}"`)
  throw new ModlinkError(
    "NOT_FOUND",
    `link.create: no live record for ${named.join(", ")}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""}; nothing was linked`,
    {
      hint: "create (or restore) the records first; pass { checkRecords: false } as link.create's second argument to store links to records modlink cannot see (bulk imports, external ids)",
      details: { missing },
    },
  )
}

/** The wanted ids with no live row, in one statement on `db`. */
async function missingOn(db: Database, wanted: Wanted[]): Promise<Array<{ model: string; id: string }>> {
  const parts = wanted.map(({ side, ids }) => {
    const pk = sql.id("r", side.primaryKey)
    return sql`select ${side.model}::text as model, i.id from unnest(${[...ids]}::text[]) as i(id) where not exists (select 1 from ${sql.id(side.modelTable)} r where ${pk} = i.id and r.deleted_at is null)`
  })
  const { rows } = await db.query<{ model: string; id: string }>(sql.join(parts, " union all "))
  return rows
}
