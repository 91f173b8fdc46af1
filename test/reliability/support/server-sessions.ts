import type pg from "pg"

export interface BlockedSession {
  pid: number
  /** Set once the transaction wrote something (DDL or rows): the block is mid-transaction. */
  xid: string | null
  query: string
}

/**
 * Polls the server until a session of `database` waits on a lock with a statement matching
 * `pattern`, and returns it. The test decides what to kill from this, never from elapsed time.
 */
export async function waitForBlockedSession(
  admin: pg.Client,
  database: string,
  pattern: RegExp,
): Promise<BlockedSession> {
  for (;;) {
    // Inside a transaction (the test may hold its lock on this client) the statistics views keep
    // the snapshot of their first read: clear it, or the blocked session never appears.
    await admin.query("select pg_stat_clear_snapshot()")
    const { rows } = await admin.query<{ pid: number; xid: string | null; query: string }>(
      `select pid, backend_xid::text as xid, query from pg_stat_activity
       where datname = $1 and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      [database],
    )
    const found = rows.find((row) => pattern.test(row.query))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Resolves once the backend `pid` is gone: its transaction has been rolled back by the server. */
export async function waitForSessionEnd(admin: pg.Client, pid: number): Promise<void> {
  for (;;) {
    await admin.query("select pg_stat_clear_snapshot()")
    const { rows } = await admin.query("select 1 from pg_stat_activity where pid = $1", [pid])
    if (rows.length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
