import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { WriteCase } from "../measure/cases.ts"
import { postIds, productIds } from "../setup/seed-read-data.ts"

const POST_LINK = "product_product_blog_post"
const NOTE_LINK = "product_product_blog_note"
const TOUCHED = [POST_LINK, NOTE_LINK, "post", "note"]

/**
 * Brings the read dataset back to "nothing deleted" between runs: un-deletes what the previous run
 * soft-deleted, forgets modlink's cascade journal, and vacuums so dead row versions from earlier
 * runs do not slow later ones down.
 */
export async function undelete(db: Database): Promise<void> {
  for (const table of TOUCHED)
    await db.exec(`update ${table} set deleted_at = null where deleted_at is not null`)
  await db.exec(
    "do $$ begin if to_regclass('modlink_link_cascades') is not null then delete from modlink_link_cascades; end if; end $$",
  )
  await db.exec(`vacuum ${TOUCHED.join(", ")}`)
}

/** Which rows of each touched table are soft-deleted: the state both sides must leave. */
export async function deletedState(db: Database): Promise<unknown> {
  const state: Record<string, unknown> = {}
  for (const table of TOUCHED) {
    const { rows } = await db.query(
      `select count(*)::int as count, md5(string_agg(id, ',' order by id)) as digest from ${table} where deleted_at is not null`,
    )
    state[table] = rows[0]
  }
  return state
}

/** `link.dismiss` of the first N/10 product↔post pairs against one UPDATE joined to unnest. */
export function dismissLinks(app: App, db: Database, size: number): WriteCase {
  const count = Math.max(1, Math.floor(size / 10))
  const products = productIds(count)
  const posts = postIds(count)
  const inputs = products.map((id, i) => ({ product: { product_id: id }, blog: { post_id: posts[i] } }))
  return {
    name: `link.dismiss ×${count} (N/10)`,
    baselineLabel: "UPDATE … unnest",
    rows: count,
    reset: () => undelete(db),
    modlink: () => app.link.dismiss(inputs),
    baseline: () =>
      db.query(
        `update ${POST_LINK} l set deleted_at = now(), updated_at = now()
         from unnest($1::text[], $2::text[]) as u(p, q)
         where l.product_id = u.p and l.post_id = u.q and l.deleted_at is null`,
        [products, posts],
      ),
    state: () => deletedState(db),
  }
}

/**
 * `link.delete` of N/10 products: their post and note links are soft-deleted and, both blog sides
 * having deleteCascade, their post and 5 notes too. The baseline does the same four UPDATEs in one
 * statement (data-modifying CTEs); it keeps no journal, so `restore` would have nothing to go on.
 */
export function deleteCascade(app: App, db: Database, size: number): WriteCase {
  const count = Math.max(1, Math.floor(size / 10))
  const products = productIds(count)
  return {
    name: `link.delete cascade ×${count} products (N/10)`,
    baselineLabel: "4 UPDATEs in one statement",
    rows: count * 12,
    reset: () => undelete(db),
    modlink: () => app.link.delete({ product: { product_id: products } }),
    baseline: () =>
      db.query(
        `with lp as (
           update ${POST_LINK} set deleted_at = now(), updated_at = now()
           where product_id = any($1) and deleted_at is null returning post_id),
         ln as (
           update ${NOTE_LINK} set deleted_at = now(), updated_at = now()
           where product_id = any($1) and deleted_at is null returning note_id),
         dp as (
           update post set deleted_at = now(), updated_at = now()
           where id in (select post_id from lp) and deleted_at is null returning 1),
         dn as (
           update note set deleted_at = now(), updated_at = now()
           where id in (select note_id from ln) and deleted_at is null returning 1)
         select (select count(*) from dp) as posts, (select count(*) from dn) as notes`,
        [products],
      ),
    state: () => deletedState(db),
  }
}
