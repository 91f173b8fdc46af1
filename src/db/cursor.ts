import type { Database } from "./database.ts"
import { type Sql, sql } from "./sql.ts"

let opened = 0

/**
 * Reads `query` through a named cursor, `size` rows per FETCH, on `db` (a transaction, or a PGlite
 * session for a holdable cursor). Only one chunk is in memory at a time, whatever the number of
 * rows. The cursor is closed however the consumer leaves: done, `break`, or a throw in its loop
 * (`for await` then calls `return()`, which runs the `finally`).
 */
export async function* fetchChunks<Row>(
  db: Database,
  query: Sql,
  size: number,
  hold: boolean,
): AsyncGenerator<Row[]> {
  // Names only need to be unique within a session; a counter per process is.
  const name = sql.id(`modlink_cursor_${opened++}`)
  const holdable = hold ? sql` WITH HOLD` : sql.empty
  await db.query(sql`DECLARE ${name} NO SCROLL CURSOR${holdable} FOR ${query}`)
  let closed = false
  try {
    for (;;) {
      const { rows } = await db.query<Row>(sql`FETCH FORWARD ${sql.raw(String(size))} FROM ${name}`)
      if (rows.length > 0) yield rows
      if (rows.length < size) break
    }
    await db.query(sql`CLOSE ${name}`)
    closed = true
  } finally {
    // Leaving early: close it now. In a transaction a failed statement has already aborted it, and
    // PostgreSQL then refuses even CLOSE; the rollback that follows drops the cursor anyway.
    if (!closed) await db.query(sql`CLOSE ${name}`).catch(() => {})
  }
}
