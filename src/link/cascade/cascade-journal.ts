import { ulid } from "ulid"
import { type Database, sql, sqlStateOf } from "../../db/index.ts"
import type { CascadePlan } from "./cascade-plan.ts"

/**
 * The cascade journal: one row per `delete` that removed something. `restore` reads it to bring
 * back exactly what that cascade removed: rows are matched by id AND by the cascade's `stamp`
 * (the `deleted_at` it wrote), so a row dismissed on purpose before, or deleted again since, is
 * never revived. Lives on the main database next to the link tables.
 */
export const CASCADE_JOURNAL_TABLE = "modlink_link_cascades"

export type CascadeStatus = "pending" | "applied"

export interface CascadeEntry {
  id: string
  /** The exact `deleted_at` written, as PostgreSQL text: microseconds survive the round trip. */
  stamp: string
  /**
   * `pending` while a cascade spanning several databases is being applied (a re-run of the same
   * `delete` finishes it), `applied` once the main database committed.
   */
  status: CascadeStatus
  plan: CascadePlan
  /** Roots a restore already brought back (`product:prod_1`). */
  restoredRoots?: string[]
}

/** `blog.post:post_1`: how the journal indexes the records of an entry. */
export const recordToken = (model: string, id: string): string => `${model}:${id}`

export function tokensOf(records: Iterable<[string, readonly string[]]>): string[] {
  return [...records].flatMap(([model, ids]) => ids.map((id) => recordToken(model, id)))
}

const table = sql.id(CASCADE_JOURNAL_TABLE)

export class CascadeJournal {
  private ready = false

  /**
   * Creates the journal on first use, on `db` (inside a transaction: in it, so PGlite's single
   * connection is not asked twice). Looked up first: `create index if not exists` locks the table
   * even when the index is there, which inside a long transaction would hold up every cascade. Two
   * processes creating it at once: PostgreSQL reports a duplicate for the loser, and the table is there.
   */
  async ensure(db: Database): Promise<void> {
    if (this.ready) return
    const { rows } = await db.query<{ found: boolean; current: boolean }>(
      sql`select to_regclass(${CASCADE_JOURNAL_TABLE}) is not null as found,
        exists (select from pg_attribute where attrelid = to_regclass(${CASCADE_JOURNAL_TABLE}) and attname = 'restored_roots') as current`,
    )
    // A journal from before retention lacks `restored_roots`: the statements below add it.
    if (!rows[0].found || !rows[0].current) {
      try {
        await db.exec(
          `create table if not exists ${CASCADE_JOURNAL_TABLE} (id text primary key, stamp timestamptz not null, status text not null, keys text[] not null, plan jsonb not null, created_at timestamptz not null default now());
           create index if not exists ${CASCADE_JOURNAL_TABLE}_keys_idx on ${CASCADE_JOURNAL_TABLE} using gin (keys);
           alter table ${CASCADE_JOURNAL_TABLE} add column if not exists restored_roots text[];`,
        )
      } catch (error) {
        if (!["23505", "42P07"].includes(sqlStateOf(error) ?? "")) throw error
      }
    }
    // Created inside a transaction that may still roll back: look again next time.
    this.ready = (rows[0].found && rows[0].current) || !db.inTransaction
  }

  /** A fresh stamp from the main database's clock, so every row of one cascade shares it. */
  async newEntry(db: Database, plan: CascadePlan): Promise<CascadeEntry> {
    const { rows } = await db.query<{ stamp: string }>(sql`select clock_timestamp()::text as stamp`)
    return { id: `cascade_${ulid()}`, stamp: rows[0].stamp, status: "pending", plan }
  }

  async insert(db: Database, entry: CascadeEntry): Promise<void> {
    const keys = tokensOf([...Object.entries(entry.plan.roots), ...Object.entries(entry.plan.records)])
    await db.query(
      sql`insert into ${table} (id, stamp, status, keys, plan) values (${entry.id}, ${entry.stamp}::timestamptz, ${entry.status}, ${keys}::text[], ${JSON.stringify(entry.plan)}::jsonb)`,
    )
  }

  async markApplied(db: Database, id: string): Promise<void> {
    await db.query(sql`update ${table} set status = 'applied' where id = ${id}`)
  }

  /** Entries in this status that involve any of these records (as roots or as cascaded records). */
  async find(db: Database, status: CascadeStatus, tokens: string[]): Promise<CascadeEntry[]> {
    const { rows } = await db.query<CascadeEntry>(
      sql`select id, stamp::text as stamp, status, plan, coalesce(restored_roots, '{}') as "restoredRoots" from ${table} where status = ${status} and keys && ${tokens}::text[] order by created_at, id`,
    )
    return rows
  }

  /**
   * Notes the roots a restore brought back. Once every root of the entry is back, nothing can
   * need it any more and it is removed (the retention rule); until then it stays for the others.
   */
  async rootsRestored(db: Database, entry: CascadeEntry, tokens: readonly string[]): Promise<void> {
    const roots = tokensOf(Object.entries(entry.plan.roots))
    const restored = [
      ...new Set([...(entry.restoredRoots ?? []), ...roots.filter((t) => tokens.includes(t))]),
    ]
    if (roots.every((token) => restored.includes(token))) {
      await db.query(sql`delete from ${table} where id = ${entry.id}`)
    } else {
      await db.query(sql`update ${table} set restored_roots = ${restored}::text[] where id = ${entry.id}`)
    }
  }

  /**
   * The retention rule beyond that: applied entries older than `days` are removed (their records
   * can still be restored one by one, but no longer as the cascade). Pending entries are never
   * removed: they are cascades a re-run must finish. Returns how many entries went.
   */
  async prune(db: Database, days: number): Promise<number> {
    await this.ensure(db)
    const result = await db.query(
      sql`delete from ${table} where status = 'applied' and created_at < now() - make_interval(days => ${days}::int)`,
    )
    return result.rowCount ?? 0
  }
}
