import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { ReadCase } from "../measure/cases.ts"
import { productIds } from "../setup/seed-read-data.ts"
import { jsonObject, POST_COLUMNS, PRODUCT_COLUMNS } from "./columns.ts"
import { pageOf, rowsOf } from "./page.ts"

const TAKE = 100

/** The post of `r` as JSON through the 1:1 link, as one-to-one-listing writes it. */
const POST = `'post', case when c.id is null then null else ${jsonObject("c", POST_COLUMNS)} end`
const JOIN_POST = `left join product_product_blog_post l on l.product_id = r.id and l.deleted_at is null
     left join post c on c.id = l.post_id and c.deleted_at is null`

/** 90% of the way into the table: where offset pagination hurts. */
function deepOffset(size: number): number {
  return Math.floor(size * 0.9)
}

/** Page 100 products deep into the table by OFFSET: PostgreSQL still walks every skipped row. */
async function offsetStatement(db: Database, skip: number) {
  const { rows } = await db.query<{ j: Record<string, unknown>; total: string }>(
    `select ${jsonObject("r", PRODUCT_COLUMNS, POST)} as j,
            (select count(*) from product where deleted_at is null) as total
     from (select * from product where deleted_at is null order by id limit ${TAKE} offset ${skip}) r
     ${JOIN_POST} order by r.id`,
  )
  return pageOf(
    rows.map((row) => row.j),
    rows,
    TAKE,
    skip,
  )
}

/** The next 100 products after a known id: an index range scan, whatever the depth. */
async function keysetStatement(db: Database, after: string) {
  const { rows } = await db.query<{ j: Record<string, unknown>; total: string }>(
    `select ${jsonObject("r", PRODUCT_COLUMNS, POST)} as j, r.total
     from (select *, count(*) over () as total from product
           where deleted_at is null and id > $1 order by id limit ${TAKE}) r
     ${JOIN_POST} order by r.id`,
    [after],
  )
  return pageOf(
    rows.map((row) => row.j),
    rows,
    TAKE,
  )
}

/** `query.graph` of product + post.*, take 100 at skip 0.9N, against the same OFFSET query. */
export function offsetPage(app: App, db: Database, size: number): ReadCase {
  const skip = deepOffset(size)
  return {
    name: `product + post.* take ${TAKE} skip ${skip.toLocaleString("en-US")}`,
    ordered: true,
    modlink: {
      label: "modlink",
      run: () =>
        app.query.graph({
          entity: "product",
          fields: ["*", "post.*"],
          pagination: { skip, take: TAKE, order: { id: "ASC" } },
        }),
    },
    baselines: [{ label: "SQL OFFSET → JSON", run: () => offsetStatement(db, skip) }],
    rows: rowsOf,
  }
}

/** The same page reached by keyset: `id > <the id before it>`, the way a cursor-paged API asks. */
export function keysetPage(app: App, db: Database, size: number): ReadCase {
  const after = productIds(deepOffset(size))[deepOffset(size) - 1]
  return {
    name: `product + post.* take ${TAKE} after id (keyset)`,
    ordered: true,
    modlink: {
      label: "modlink",
      run: () =>
        app.query.graph({
          entity: "product",
          fields: ["*", "post.*"],
          filters: { id: { $gt: after } },
          pagination: { take: TAKE, order: { id: "ASC" } },
        }),
    },
    baselines: [{ label: "SQL id > $1 → JSON", run: () => keysetStatement(db, after) }],
    rows: rowsOf,
  }
}
