import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { ReadCase } from "../measure/cases.ts"
import { jsonObject, POST_COLUMNS, PRODUCT_COLUMNS } from "./columns.ts"
import { pageOf, rowsOf } from "./page.ts"

/** Every 100th post title holds "sale" (see setup/seed-read-data.ts): the filter keeps 1% of N. */
const PATTERN = "%sale%"
const TAKE = 100

/**
 * The hand-written form issue 5 names: the filter as a correlated EXISTS through the link table,
 * the linked post joined for the output, the total from a window over the filtered rows.
 */
async function existsStatement(db: Database) {
  const post = `'post', case when c.id is null then null else ${jsonObject("c", POST_COLUMNS)} end`
  const { rows } = await db.query<{ j: Record<string, unknown>; total: string }>(
    `select ${jsonObject("r", PRODUCT_COLUMNS, post)} as j, count(*) over () as total
     from product r
     left join product_product_blog_post l on l.product_id = r.id and l.deleted_at is null
     left join post c on c.id = l.post_id and c.deleted_at is null
     where r.deleted_at is null and exists (
       select 1 from product_product_blog_post fl join post fp on fp.id = fl.post_id
       where fl.product_id = r.id and fl.deleted_at is null and fp.deleted_at is null and fp.title ilike $1)
     order by r.id limit ${TAKE}`,
    [PATTERN],
  )
  return pageOf(
    rows.map((row) => row.j),
    rows,
    TAKE,
  )
}

/** Products whose linked post's title matches, with the post, first 100 by id. */
export function filterThroughLink(app: App, db: Database): ReadCase {
  return {
    name: `filter post.title ilike (1%) take ${TAKE}`,
    ordered: true,
    modlink: {
      label: "modlink",
      run: () =>
        app.query.graph({
          entity: "product",
          fields: ["*", "post.*"],
          filters: { post: { title: { $ilike: PATTERN } } },
          pagination: { take: TAKE },
        }),
    },
    baselines: [{ label: "SQL EXISTS → JSON", run: () => existsStatement(db) }],
    rows: rowsOf,
  }
}
