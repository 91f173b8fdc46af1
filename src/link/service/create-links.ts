import { atomically, type Database, type Sql, sql } from "../../db/index.ts"
import { generateId } from "../../dml/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import {
  byTable,
  cardinalityError,
  conflictQuery,
  findBatchConflict,
  lockOrder,
  type Pair,
  pairKey,
  readStoredState,
  toConflict,
  violatedLink,
} from "./cardinality.ts"
import { type MissingRecord, missingRecordsError } from "./check-records.ts"
import { readExtraData, requiredColumns } from "./extra-data.ts"
import type { LinkGraph } from "./link-graph.ts"
import type { LinkEvent, LinkInput, LinkRow } from "./link-input.ts"
import {
  eventRow,
  LEFT,
  linkRowColumns,
  nullLinkRow,
  RIGHT,
  ROW_ID,
  toLinkRow,
  zippedRecords,
} from "./link-rows.ts"
import { pairMatcher } from "./match-link.ts"

/** One requested pair after validation; inputs naming the same pair are merged into one. */
interface PairWrite extends Pair {
  /** Extra column values by column name, encoded for the JSON parameter. */
  values: Map<string, unknown>
  where: string
  directionNote?: string
}

export interface LinkGroup {
  link: ResolvedTableLink
  pairs: Map<string, PairWrite>
}

/** Validates every input and groups them per link table; throws before anything is written. */
export function groupCreateInputs(
  inputs: readonly LinkInput[],
  graph: LinkGraph,
  method: string,
): LinkGroup[] {
  const groups = new Map<string, LinkGroup>()
  const matchPair = pairMatcher(graph)
  inputs.forEach((input, index) => {
    const where = inputs.length > 1 ? `link.${method} input #${index}` : `link.${method}`
    const match = matchPair(input, where)
    const { link } = match
    const pair: PairWrite = {
      left: match.leftId,
      right: match.rightId,
      values: readExtraData(input.data, link, where, match.directionNote),
      where,
      directionNote: match.directionNote,
    }
    const group = groups.get(link.table) ?? { link, pairs: new Map() }
    groups.set(link.table, group)
    const key = pairKey(pair.left, pair.right)
    const earlier = group.pairs.get(key)
    // The same pair twice in one call is one row; later data wins, as two calls in a row would.
    group.pairs.set(key, earlier ? { ...pair, values: new Map([...earlier.values, ...pair.values]) } : pair)
  })
  return [...groups.values()].sort(byTable)
}

/** Refuses pairs of one call that the cardinality cannot hold together; reads nothing. */
function checkBatch(group: LinkGroup): void {
  const clash = findBatchConflict(group.link, [...group.pairs.values()])
  if (clash) throw cardinalityError(group.link, clash[1], { pair: clash[0] }, clash[1].directionNote)
}

/**
 * Refuses pairs that clash with stored rows, and new rows missing a required extra column. The
 * link table's partial unique indexes refuse a clash on their own, so a call runs this read first
 * only when it must tell new rows from existing ones; otherwise only after a unique violation, to
 * name the stored row in the error.
 */
async function checkStored(db: Database, group: LinkGroup): Promise<void> {
  const { link } = group
  const pairs = [...group.pairs.values()]
  const state = await readStoredState(db, link, pairs)
  if (state.conflict) {
    const { pair, row } = state.conflict
    throw cardinalityError(
      link,
      pair,
      { row },
      group.pairs.get(pairKey(pair.left, pair.right))?.directionNote,
    )
  }
  const required = requiredColumns(link)
  for (const pair of pairs) {
    const missing = required.filter((c) => !pair.values.has(c.name))
    if (missing.length && !state.existing.has(pairKey(pair.left, pair.right))) {
      throw new ModlinkError(
        "INVALID_INPUT",
        `${pair.where}: a new ${link.entryPoint} link needs data.${missing.map((c) => c.property).join(", data.")}`,
        {
          hint: `these extra columns are not nullable and have no default (${link.file})${pair.directionNote ? `; ${pair.directionNote}` : ""}`,
        },
      )
    }
  }
}

/**
 * What an upsert refuses to write, checked by the statement itself so that refusing costs no
 * statement of its own: records missing (the batch's record check on the main database), or rows in
 * the way of a pair (inside a caller's transaction, where the unique index may not be the one to
 * refuse: its violation would abort the caller's work).
 */
interface Guards {
  missing?: Sql
  conflicts?: Sql
}

/**
 * One upsert for all pairs giving the same extra columns. Re-creating a pair keeps its id and
 * `created_at`, writes only the columns given, revives it if dismissed and bumps `updated_at`.
 * `prior` reads the table as it was before the statement, which tells new and revived rows
 * (attached) from rows that were already live. With guards, nothing is written when one finds a
 * row, and those rows come back in `$refused` (beside the returned columns, all null).
 */
function upsertStatement(
  link: ResolvedTableLink,
  columns: string[],
  pairs: PairWrite[],
  guards: Guards,
): Sql {
  const extra = link.extraColumns.filter((c) => columns.includes(c.name))
  const input = zippedRecords(
    [
      [ROW_ID, pairs.map(() => generateId(link.idPrefix))],
      [LEFT, pairs.map((p) => p.left)],
      [RIGHT, pairs.map((p) => p.right)],
    ],
    {
      rows: extra.length ? pairs.map((p) => Object.fromEntries(p.values)) : [],
      columns: extra.map((c): [string, string] => [c.name, c.type]),
    },
  )
  const table = sql.id(link.table)
  const l = sql.id(link.left.key)
  const r = sql.id(link.right.key)
  const targets = sql.join([sql.id("id"), l, r, ...extra.map((c) => sql.id(c.name))])
  const sources = sql.join([ROW_ID, LEFT, RIGHT, ...extra.map((c) => c.name)].map((n) => sql.id("i", n)))
  const updates = sql.join([
    ...extra.map((c) => sql`${sql.id(c.name)} = excluded.${sql.id(c.name)}`),
    sql`deleted_at = null`,
    sql`updated_at = now()`,
  ])
  const refusals = (Object.entries(guards) as Array<[keyof Guards, Sql | undefined]>).filter(
    (entry): entry is [keyof Guards, Sql] => entry[1] !== undefined,
  )
  const checks = refusals.map(([name, query]) => sql`, ${sql.id(name)} as (${query})`)
  const unless = refusals.length
    ? sql` where ${sql.join(
        refusals.map(([name]) => sql`not exists (select from ${sql.id(name)})`),
        " and ",
      )}`
    : sql``
  const nulls = nullLinkRow(link)
  const refused = refusals.map(
    ([name]) =>
      sql` union all select ${nulls}, false, json_build_object(${name}::text, row_to_json(g)) from ${sql.id(name)} g`,
  )
  return sql`with i as (select * from ${input})${sql.join(checks, "")},
prior as (select t.${l} as l, t.${r} as r, t.deleted_at is null as live from ${table} t join i on t.${l} = i.${sql.id(LEFT)} and t.${r} = i.${sql.id(RIGHT)}),
written as (insert into ${table} as t (${targets}) select ${sources} from i${unless} on conflict (${l}, ${r}) do update set ${updates} returning ${linkRowColumns(link)})
select w.*, coalesce(p.live, false) as "$was_live", null::json as "$refused" from written w left join prior p on p.l = w.${l} and p.r = w.${r}${sql.join(refused, "")}`
}

/** The upserts of one group: one per set of extra columns given, pairs in lock order. */
function groupWrites(group: LinkGroup, guards: () => Guards): Sql[] {
  const byColumns = new Map<string, PairWrite[]>()
  for (const pair of lockOrder(group.pairs.values())) {
    const columns = [...pair.values.keys()].sort().join(",")
    if (!byColumns.has(columns)) byColumns.set(columns, [])
    byColumns.get(columns)!.push(pair)
  }
  return [...byColumns].map(([columns, pairs]) =>
    upsertStatement(group.link, columns ? columns.split(",") : [], pairs, guards()),
  )
}

/** Throws what a guarded upsert refused: missing records first (as a separate check would), then a conflict. */
function refuse(group: LinkGroup, refused: Array<Record<string, any>>): void {
  const missing = refused.filter((r) => r.missing).map((r) => r.missing as MissingRecord)
  if (missing.length) throw missingRecordsError(missing)
  const { row, pair } = toConflict(refused[0].conflicts)
  throw cardinalityError(
    group.link,
    pair,
    { row },
    group.pairs.get(pairKey(pair.left, pair.right))?.directionNote,
  )
}

/**
 * `link.create`: every group checked, then written, in one transaction on the main database (a
 * call that comes down to one statement needs none: a statement is atomic on its own). A pair
 * clashing with a stored row, or with a concurrent caller's, meets the partial unique index; the
 * unique violation is re-read after the rollback and reported like any other cardinality conflict.
 * `missing` is the record check of the main database's models, run by the first upsert.
 */
export async function createLinks(
  main: Database,
  groups: readonly LinkGroup[],
  missing?: Sql,
): Promise<{ rows: LinkRow[]; events: LinkEvent[] }> {
  for (const group of groups) checkBatch(group)
  // A read first only where new rows must be told from existing ones (required extra columns).
  const reads = groups.filter((group) => requiredColumns(group.link).length > 0)
  let first = true
  const writes = groups.map((group) => ({
    group,
    statements: groupWrites(group, () => {
      const guards: Guards = {
        missing: first ? missing : undefined,
        // Inside a caller's transaction a unique violation would abort the caller's work too.
        conflicts:
          main.inTransaction && !reads.includes(group) ? conflictQuery(group.link, sql`i`) : undefined,
      }
      first = false
      return guards
    }),
  }))
  const run = async (db: Database) => {
    for (const group of reads) await checkStored(db, group)
    const rows: LinkRow[] = []
    const events: LinkEvent[] = []
    for (const { group, statements } of writes) {
      const { link } = group
      const attached: LinkEvent = { link: link.entryPoint, table: link.table, rows: [] }
      for (const statement of statements) {
        const result = (await db.query(statement)).rows
        const refused = result.filter((row) => row.$refused).map((row) => row.$refused as Record<string, any>)
        if (refused.length) refuse(group, refused)
        for (const row of result) {
          const linkRow = toLinkRow(link, row)
          rows.push(linkRow)
          if (!row.$was_live) attached.rows.push(eventRow(link, linkRow))
        }
      }
      if (attached.rows.length) events.push(attached)
    }
    return { rows, events }
  }
  const statements = reads.length + writes.reduce((n, write) => n + write.statements.length, 0)
  try {
    return await atomically(main, statements, run)
  } catch (error) {
    const link = violatedLink(
      error,
      groups.map((g) => g.link),
    )
    if (!link) throw error
    if (main.inTransaction) {
      // A concurrent transaction took the key after the read: the violation aborted the caller's
      // transaction, so nothing more can be read in it, and the index's own words name the key.
      throw new ModlinkError(
        "CARDINALITY",
        `Link ${link.entryPoint} refused a pair its cardinality does not allow: ${(error as ModlinkError).details?.detail ?? "a key is linked already"}`,
        {
          hint: `dismiss the existing link first (link.dismiss), or make that side a list (isList) in ${link.file}; this transaction rolls back`,
          details: { link: link.entryPoint, table: link.table, cause: (error as ModlinkError).details },
          cause: error,
        },
      )
    }
    const group = groups.find((g) => g.link === link)!
    await checkStored(main, group)
    throw new ModlinkError("CARDINALITY", `A concurrent write took a link ${link.entryPoint} allows once`, {
      hint: `the winning row was dismissed again before it could be named; retry the call (${link.file})`,
      details: { link: link.entryPoint, table: link.table, cause: (error as ModlinkError).details },
      cause: error,
    })
  }
}
