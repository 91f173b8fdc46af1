import { ulid } from "ulid"
import { type Database, sql } from "../db/index.ts"
import { ModlinkError } from "../errors/index.ts"
import type { ScopeDatabase } from "./scope-database.ts"

/**
 * Two-phase commit across databases. The main database coordinates: its transaction records the
 * decision (a row in DECISIONS_TABLE), every other database is prepared first, then main commits,
 * then the prepared ones are committed. Main's COMMIT is the moment of truth: a process that dies
 * before it leaves prepared transactions without a decision row (rolled back by the next start),
 * one that dies after leaves them with the row (committed by the next start). See recover-prepared.
 */
export const DECISIONS_TABLE = "modlink_transactions"

const decisions = sql.id(DECISIONS_TABLE)
const PREFIX = "modlink_"
/** `modlink_` + a ULID: the decision's id; each prepared side adds `_<database key>`. */
const DECISION_LENGTH = PREFIX.length + 26

export const decisionOf = (gid: string): string => gid.slice(0, DECISION_LENGTH)
export const isModlinkGid = (gid: string): boolean => gid.startsWith(PREFIX) && gid.length > DECISION_LENGTH

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`

export const DECISIONS_DDL = `create table if not exists ${DECISIONS_TABLE} (gid text primary key, outcome text not null, created_at timestamptz not null default now())`

/**
 * The outcome of a decision, fixed if still open: inserting `abort` where the coordinator's row is
 * missing waits for a coordinator whose transaction is still running (the primary key is taken
 * by its uncommitted row), and after a coordinator that died, wins. Either way one answer, for good.
 */
export async function decide(main: Database, decision: string): Promise<"commit" | "abort"> {
  const inserted = await main.query(
    sql`insert into ${decisions} (gid, outcome) values (${decision}, 'abort') on conflict (gid) do nothing returning gid`,
  )
  if (inserted.rows.length) return "abort"
  const { rows } = await main.query<{ outcome: "commit" | "abort" }>(
    sql`select outcome from ${decisions} where gid = ${decision}`,
  )
  return rows[0].outcome
}

export const endPrepared = (outcome: "commit" | "abort", gid: string): string =>
  `${outcome === "commit" ? "COMMIT" : "ROLLBACK"} PREPARED ${literal(gid)}`

const capable = new WeakMap<Database, Promise<boolean>>()

/** `max_prepared_transactions` is fixed at server start, so one look per database suffices. */
function preparedTransactionsAllowed(db: Database): Promise<boolean> {
  let known = capable.get(db)
  if (!known) {
    known =
      db.kind === "pglite"
        ? Promise.resolve(false)
        : db
            .query<{ n: string }>("select current_setting('max_prepared_transactions') as n")
            .then(({ rows }) => Number(rows[0].n) > 0)
    capable.set(db, known)
    known.catch(() => capable.delete(db))
  }
  return known
}

/**
 * Refuses, before anything is written on it, a database that cannot take part in a two-phase
 * commit. Every database but main is prepared, so those are the ones checked.
 */
export async function checkTwoPhase(databases: readonly ScopeDatabase[]): Promise<void> {
  for (const db of databases) {
    if (db.key === "main" || (await preparedTransactionsAllowed(db.base))) continue
    const names = databases.map((d) => d.label).join(" and ")
    throw new ModlinkError(
      "TWO_PHASE_UNAVAILABLE",
      `This transaction spans ${names}, which needs a two-phase commit, and ${db.label} ${db.kind === "pglite" ? "is PGlite, which has no prepared transactions" : "has max_prepared_transactions = 0"}`,
      {
        hint:
          db.kind === "pglite"
            ? "put the modules a transaction spans on one database, or give this module a PostgreSQL server"
            : "set max_prepared_transactions (e.g. 64) in postgresql.conf and restart that server, or put the modules a transaction spans on one database",
        details: { database: db.label },
      },
    )
  }
}

/**
 * Commits transactions open on several databases as one. `main` must be among them (the caller
 * begins it when the callback never touched it). Returns once every side committed; a failure
 * before main's COMMIT rolls every side back.
 */
export async function commitTwoPhase(main: ScopeDatabase, others: readonly ScopeDatabase[]): Promise<void> {
  const decision = `${PREFIX}${ulid()}`
  const gidOf = (db: ScopeDatabase) => `${decision}_${db.key}`
  const prepared: ScopeDatabase[] = []
  try {
    await main.runControl(sql`insert into ${decisions} (gid, outcome) values (${decision}, 'commit')`)
    for (const db of others) {
      await db.end(`PREPARE TRANSACTION ${literal(gidOf(db))}`)
      prepared.push(db)
    }
  } catch (error) {
    await main.end("ROLLBACK").catch(() => {})
    for (const db of others) {
      if (prepared.includes(db)) await db.base.query(endPrepared("abort", gidOf(db))).catch(() => {})
      else await db.end("ROLLBACK").catch(() => {})
    }
    throw error
  }
  try {
    await main.end("COMMIT")
  } catch (error) {
    // The answer to COMMIT was lost: the decision row says what happened, and settles it if absent.
    if ((await decide(main.base, decision)) === "abort") {
      for (const db of prepared) await db.base.query(endPrepared("abort", gidOf(db))).catch(() => {})
      throw error
    }
  }
  const unfinished: string[] = []
  for (const db of prepared) {
    try {
      await db.base.query(endPrepared("commit", gidOf(db)))
    } catch {
      unfinished.push(db.label)
    }
  }
  if (unfinished.length) {
    throw new ModlinkError(
      "DATABASE",
      `The transaction committed, but finishing it on ${unfinished.join(", ")} failed: its writes there become visible when the app next starts`,
      {
        hint: `the prepared transaction holds its locks until then; or run COMMIT PREPARED '${decision}_<database key>' on that server`,
        details: { decision },
      },
    )
  }
  await main.base.query(sql`delete from ${decisions} where gid = ${decision}`)
}
