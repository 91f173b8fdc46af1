import { type Database, sql } from "../db/index.ts"
import { DECISIONS_DDL, DECISIONS_TABLE, decide, decisionOf, endPrepared, isModlinkGid } from "./two-phase.ts"

/**
 * At start, for an app on several databases: makes the decisions table, then ends every prepared
 * transaction a modlink process left behind (it died between PREPARE and COMMIT PREPARED) the way
 * its decision says: committed when main committed the decision, rolled back otherwise. Prepared
 * transactions hold their locks until ended, so this cannot wait for someone to notice.
 */
export async function recoverPrepared(databases: ReadonlyMap<string, Database>): Promise<number> {
  const main = databases.get("main")!
  // Only a server can prepare; main coordinates and is never prepared itself.
  const participants = [...databases].filter(([key, db]) => key !== "main" && db.kind === "postgres")
  if (participants.length === 0) return 0
  await main.exec(DECISIONS_DDL)
  let ended = 0
  for (const [, db] of participants) {
    const { rows } = await db.query<{ gid: string }>(
      sql`select gid from pg_prepared_xacts where database = current_database() and gid like 'modlink\\_%'`,
    )
    for (const { gid } of rows.filter((row) => isModlinkGid(row.gid))) {
      await db.query(endPrepared(await decide(main, decisionOf(gid)), gid))
      ended++
    }
  }
  // Rows outlive their transactions only when a process died or recovery decided; a day is ample.
  await main.query(sql`delete from ${sql.id(DECISIONS_TABLE)} where created_at < now() - interval '1 day'`)
  return ended
}
