import type { Database } from "../../src/db/index.ts"

/** What a run leaves in `table`: the row count and a digest of the written columns. */
export async function tableDigest(db: Database, table: string, columns: string): Promise<unknown> {
  const { rows } = await db.query(
    `select count(*)::int as count, md5(string_agg(concat_ws('|', ${columns}), ',' order by ${columns})) as digest from ${table}`,
  )
  return rows[0]
}
