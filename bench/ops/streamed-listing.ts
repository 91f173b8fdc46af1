import { createHash } from "node:crypto"
import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { ReadCase } from "../measure/cases.ts"
import { normalize } from "../measure/normalize.ts"
import { jsonObject, NOTE_COLUMNS, POST_COLUMNS, PRODUCT_COLUMNS } from "./columns.ts"

const CHUNK = 1000

/**
 * What a streamed listing answers for comparison without keeping it: the number of records, a
 * digest of their ids in order, and the first and last records whole. Memory stays that of one
 * record, as it would for a consumer writing each record out.
 */
class Fold {
  private count = 0
  private readonly ids = createHash("md5")
  private first: unknown
  private last: unknown

  add(record: Record<string, unknown>): void {
    this.count++
    this.ids.update(String(record.id))
    if (this.count === 1) this.first = record
    this.last = record
  }

  answer() {
    const ends = [this.first, this.last].map((record) => normalize(record, { ordered: true }))
    return { data: ends, count: this.count, ids: this.ids.digest("hex") }
  }
}

/**
 * The hand-written stream: one statement building the same JSON (post through the 1:1 link, notes
 * by a correlated json_agg), read through a cursor 1,000 rows per FETCH in a transaction.
 */
async function cursorStatement(db: Database) {
  const post = `'post', (select ${jsonObject("c", POST_COLUMNS)} from product_product_blog_post l
      join post c on c.id = l.post_id and c.deleted_at is null
      where l.product_id = r.id and l.deleted_at is null)`
  const notes = `'notes', coalesce((select json_agg(${jsonObject("n", NOTE_COLUMNS)})
      from product_product_blog_note l join note n on n.id = l.note_id and n.deleted_at is null
      where l.product_id = r.id and l.deleted_at is null), '[]'::json)`
  const fold = new Fold()
  await db.transaction(async (tx) => {
    await tx.query(`declare listing no scroll cursor for
      select ${jsonObject("r", PRODUCT_COLUMNS, `${post}, ${notes}`)} as j
      from product r where r.deleted_at is null order by r.id`)
    for (;;) {
      const { rows } = await tx.query<{ j: Record<string, unknown> }>(`fetch ${CHUNK} from listing`)
      for (const row of rows) fold.add(row.j)
      if (rows.length < CHUNK) break
    }
    await tx.query("close listing")
  })
  return fold.answer()
}

/** Every product with its post and notes, streamed by `query.stream` and by a hand-written cursor. */
export function streamedListing(app: App, db: Database): ReadCase {
  return {
    name: "stream product + post.* + notes.* (all)",
    ordered: true,
    modlink: {
      label: "modlink",
      run: async () => {
        const fold = new Fold()
        const input = {
          entity: "product",
          fields: ["*", "post.*", "notes.*"],
          pagination: { order: { id: "ASC" } },
        }
        for await (const record of app.query.stream(input, { chunkSize: CHUNK })) fold.add(record)
        return fold.answer()
      },
    },
    baselines: [{ label: "SQL cursor → JSON", run: () => cursorStatement(db) }],
    rows: (answer) => (answer as { count: number }).count,
  }
}
