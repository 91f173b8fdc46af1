import { type Database, type Sql, sql, sqlStateOf } from "../../db/index.ts"
import { linkIndexName } from "../../dml/identifiers.ts"
import { isModlinkError, ModlinkError } from "../../errors/index.ts"
import { uniqueKeyColumns } from "../link-table.ts"
import { describeLink, type ResolvedTableLink } from "../resolved-link.ts"
import type { LinkKeyRow } from "./link-input.ts"
import { keyColumns, LEFT, RIGHT, toKeyRow, zippedRecords } from "./link-rows.ts"

/** A pair the caller asked for, by the ids of its two sides. */
export interface Pair {
  left: string
  right: string
}

/** What a create finds in the table for its pairs before writing. */
export interface StoredState {
  /** Rows of the requested pairs themselves, live or dismissed. */
  existing: Map<string, LinkKeyRow>
  /** A live row that would break the cardinality, with the pair it blocks. */
  conflict?: { row: LinkKeyRow; pair: Pair }
}

/** Ids never hold NUL (readId refuses it), so joining them with one is unambiguous and builds no array. */
export const pairKey = (left: string, right: string): string => `${left}\0${right}`

/**
 * Writers take row and index locks in this order (and link tables by name), so two calls touching
 * the same pairs queue behind each other instead of deadlocking.
 */
export function lockOrder<P extends Pair>(pairs: Iterable<P>): P[] {
  return [...pairs].sort((a, b) => (a.left === b.left ? compare(a.right, b.right) : compare(a.left, b.left)))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const byTable = <G extends { link: { table: string } }>(a: G, b: G): number =>
  compare(a.link.table, b.link.table)

/**
 * The error users see, whichever way the conflict was found (same batch, stored row, or a race lost
 * at the unique index): both records, the row in the way, and the `isList` that would allow it.
 */
export function cardinalityError(
  link: ResolvedTableLink,
  pair: Pair,
  blocking: { row?: LinkKeyRow; pair?: Pair },
  directionNote?: string,
): ModlinkError {
  const { left, right } = link
  const blocker = blocking.row ?? { id: undefined, ...blocking.pair! }
  // The shared side decides which uniqueness was hit: a left id twice means "one right per left".
  const sharedLeft = blocker.left === pair.left && uniqueKeyColumns(link).includes(left.key)
  const [one, other, oneId, taken, fixSide] = sharedLeft
    ? [left, right, pair.left, blocker.right, right]
    : [right, left, pair.right, blocker.left, left]
  const where = blocking.row ? `link row ${blocking.row.id}` : "the same call"
  return new ModlinkError(
    "CARDINALITY",
    `Cannot link ${left.model} "${pair.left}" to ${right.model} "${pair.right}": link ${describeLink(link.descriptor)} (${link.entryPoint}) lets a ${one.model} have one ${other.model}, and ${one.model} "${oneId}" is already linked to ${other.model} "${taken}" (${where})`,
    {
      hint: `dismiss the existing link first, or to let a ${one.model} have many ${other.model} records set isList: true on the ${fixSide.module}.${fixSide.model} side in ${link.file}${directionNote ? `; ${directionNote}` : ""}`,
      details: {
        link: link.entryPoint,
        table: link.table,
        column: sharedLeft ? left.key : right.key,
        attempted: { [left.key]: pair.left, [right.key]: pair.right },
        existing: { id: blocking.row?.id, [left.key]: blocker.left, [right.key]: blocker.right },
      },
    },
  )
}

/** Two different pairs in one call that the link's cardinality cannot both hold. */
export function findBatchConflict<P extends Pair>(
  link: ResolvedTableLink,
  pairs: readonly P[],
): [P, P] | undefined {
  const unique = uniqueKeyColumns(link)
  for (const [column, side] of [
    [link.left.key, "left"],
    [link.right.key, "right"],
  ] as const) {
    if (!unique.includes(column)) continue
    const seen = new Map<string, P>()
    for (const pair of pairs) {
      const first = seen.get(pair[side])
      if (first) return [first, pair]
      seen.set(pair[side], pair)
    }
  }
  return undefined
}

/**
 * Live rows sharing a unique key with a requested pair but not its other id, read from `source`
 * (a relation aliased `i` with the pairs as `$left`, `$right`): `id`, `$left`, `$right` of the row
 * in the way and `in_left`, `in_right` of the pair it blocks. Equality joins only, so PostgreSQL
 * probes the key indexes for a small batch and hash-joins a large one, where an OR per pair would
 * scan. Undefined for an N:N link, which nothing blocks.
 */
export function conflictQuery(link: ResolvedTableLink, source: Sql): Sql | undefined {
  const table = sql.id(link.table)
  const l = sql.id("t", link.left.key)
  const r = sql.id("t", link.right.key)
  const iL = sql.id("i", LEFT)
  const iR = sql.id("i", RIGHT)
  const unique = uniqueKeyColumns(link)
  const parts: Sql[] = []
  if (unique.includes(link.left.key)) {
    parts.push(
      sql`select 'conflict' as kind, ${keyColumns(link)}, ${iL} as in_left, ${iR} as in_right from ${source} join ${table} t on ${l} = ${iL} and ${r} <> ${iR} where t.deleted_at is null`,
    )
  }
  if (unique.includes(link.right.key)) {
    parts.push(
      sql`select 'conflict' as kind, ${keyColumns(link)}, ${iL} as in_left, ${iR} as in_right from ${source} join ${table} t on ${r} = ${iR} and ${l} <> ${iL} where t.deleted_at is null`,
    )
  }
  return parts.length ? sql.join(parts, " union all ") : undefined
}

/** A conflict row (from conflictQuery) as the row in the way and the pair it blocks. */
export const toConflict = (row: Record<string, unknown>): NonNullable<StoredState["conflict"]> => ({
  row: toKeyRow(row),
  pair: { left: row.in_left as string, right: row.in_right as string },
})

/**
 * One statement: the stored rows of the requested pairs (to know which are new) and the rows in
 * the way of any of them (conflictQuery).
 */
export async function readStoredState(
  db: Database,
  link: ResolvedTableLink,
  pairs: readonly Pair[],
): Promise<StoredState> {
  const input = zippedRecords([
    [LEFT, pairs.map((p) => p.left)],
    [RIGHT, pairs.map((p) => p.right)],
  ])
  const table = sql.id(link.table)
  const iL = sql.id("i", LEFT)
  const iR = sql.id("i", RIGHT)
  const conflicts = conflictQuery(link, input)
  const own = sql`select 'pair' as kind, ${keyColumns(link)}, ${iL} as in_left, ${iR} as in_right from ${input} join ${table} t on ${sql.id("t", link.left.key)} = ${iL} and ${sql.id("t", link.right.key)} = ${iR}`
  const { rows } = await db.query(conflicts ? sql`${own} union all ${conflicts}` : own)
  const state: StoredState = { existing: new Map() }
  for (const row of rows) {
    const keyRow = toKeyRow(row)
    if (row.kind === "pair") state.existing.set(pairKey(keyRow.left, keyRow.right), keyRow)
    else state.conflict ??= toConflict(row)
  }
  return state
}

/** The link whose cardinality index a unique violation came from, if it came from one. */
export function violatedLink(
  error: unknown,
  links: readonly ResolvedTableLink[],
): ResolvedTableLink | undefined {
  if (sqlStateOf(error) !== "23505" || !isModlinkError(error)) return undefined
  const constraint = error.details?.constraint
  return links.find((link) =>
    uniqueKeyColumns(link).some((column) => linkIndexName(link.table, column, "unique") === constraint),
  )
}
