import { expect } from "vitest"
import { type Database, sql } from "../../../src/db/index.ts"

/** A link of the reliability project as the replay check sees it. */
export interface LinkShape {
  table: string
  left: { module: "product"; key: string; ids: string[] }
  right: { module: "blog"; key: string; ids: string[] }
  /** Key columns that must be unique among live rows. */
  unique: string[]
  note?: boolean
}

export interface PairOf {
  link: LinkShape
  left: string
  right: string
}

export const pairKey = (p: PairOf) => `${p.link.table}|${p.left}|${p.right}`

/** One call (or one step of a transaction) of a client, and whether it took effect. */
export interface Operation {
  kind: "create" | "dismiss"
  pairs: PairOf[]
  note: string
  ok: boolean
  error?: string
}

/**
 * The live pairs the log predicts. Sound when every pair belongs to one client that runs its
 * operations one after the other: per pair, the last operation that took effect decides the row
 * (live with that call's `note`, or dismissed). Commit order across clients is not needed.
 */
export function replay(log: readonly (readonly Operation[])[]): Map<string, string> {
  const expected = new Map<string, string>()
  for (const clientOps of log) {
    for (const op of clientOps) {
      if (!op.ok) continue
      for (const pair of op.pairs) {
        if (op.kind === "create") expected.set(pairKey(pair), pair.link.note ? op.note : "")
        else expected.delete(pairKey(pair))
      }
    }
  }
  return new Map([...expected].sort())
}

/**
 * The live pairs in the database, after checking what must hold whatever the races: one row per
 * pair, and no key linked more often than the cardinality allows.
 */
export async function livePairs(db: Database, links: readonly LinkShape[]): Promise<Map<string, string>> {
  const actual = new Map<string, string>()
  for (const link of links) {
    const l = sql.id(link.left.key)
    const r = sql.id(link.right.key)
    const table = sql.id(link.table)
    const duplicates = await db.query(sql`select ${l}, ${r} from ${table} group by 1, 2 having count(*) > 1`)
    expect(duplicates.rows).toEqual([])
    for (const column of link.unique) {
      const broken = await db.query(
        sql`select ${sql.id(column)} as id, count(*)::int as n from ${table} where deleted_at is null group by 1 having count(*) > 1`,
      )
      expect(broken.rows, `${link.table}.${column} linked more than once`).toEqual([])
    }
    const live = await db.query<{ l: string; r: string; note?: string }>(
      sql`select ${l} as l, ${r} as r${link.note ? sql`, note` : sql.empty} from ${table} where deleted_at is null`,
    )
    for (const row of live.rows) actual.set(pairKey({ link, left: row.l, right: row.r }), row.note ?? "")
  }
  return new Map([...actual].sort())
}
