import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { WriteCase } from "../measure/cases.ts"
import { tableDigest } from "./table-digest.ts"

const LINK_TABLE = "product_product_blog_post"

/** The upsert `link.create` performs, written by hand: insert the pairs, revive a dismissed pair. */
const UPSERT = `insert into ${LINK_TABLE} (id, product_id, post_id)
  select 'link_' || gen_random_uuid(), p, q from unnest($1::text[], $2::text[]) as u(p, q)
  on conflict (product_id, post_id) do update set deleted_at = null, updated_at = now()`

export interface LinkPairs {
  products: string[]
  posts: string[]
}

/** Reads the ids the create cases left, pairing product i with post i (a 1:1 link). */
export async function pairsOf(db: Database): Promise<LinkPairs> {
  const products = await db.query<{ id: string }>("select id from product order by handle")
  const posts = await db.query<{ id: string }>("select id from post order by title")
  return { products: products.rows.map((r) => r.id), posts: posts.rows.map((r) => r.id) }
}

export function inputsOf(pairs: LinkPairs) {
  return pairs.products.map((productId, i) => ({
    product: { product_id: productId },
    blog: { post_id: pairs.posts[i] },
  }))
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * The same upsert refusing the whole batch when a product or post is missing or soft-deleted, in
 * the one statement: what `link.create` checks by default, written by hand (one key probe per id:
 * NOT EXISTS would be planned as a hash anti join reading each whole table).
 */
const CHECKED_UPSERT = `with u as (select * from unnest($1::text[], $2::text[]) as u(p, q)),
  missing as (select 1 from u
    left join lateral (select true as live from product r where r.id = u.p and r.deleted_at is null limit 1) a on true
    left join lateral (select true as live from post r where r.id = u.q and r.deleted_at is null limit 1) b on true
    where a.live is null or b.live is null)
  insert into ${LINK_TABLE} (id, product_id, post_id)
  select 'link_' || gen_random_uuid(), p, q from u where not exists (select 1 from missing)
  on conflict (product_id, post_id) do update set deleted_at = null, updated_at = now()`

/**
 * `link.create` of all pairs in one call, or in calls of `batch` pairs, each against the
 * hand-written upsert run with the same batching (the same round trips, so the ratio is the cost
 * of the service, not of the batching). The baseline does not check that the records exist, so
 * these calls pass `{ checkRecords: false }`; `checkedLinkCreates` compares the checked calls.
 */
export function createLinks(app: App, db: Database, pairs: LinkPairs, batch?: number): WriteCase {
  const size = pairs.products.length
  const inputs = inputsOf(pairs)
  const modlinkBatches = chunks(inputs, batch ?? size)
  const productBatches = chunks(pairs.products, batch ?? size)
  const postBatches = chunks(pairs.posts, batch ?? size)
  return {
    name: batch
      ? `link.create ×${size} in calls of ${batch}, records not checked`
      : `link.create ×${size}, one call, records not checked`,
    baselineLabel: batch ? `INSERT … unnest ON CONFLICT, per ${batch}` : "INSERT … unnest ON CONFLICT",
    rows: size,
    reset: () => db.exec(`truncate ${LINK_TABLE}`),
    modlink: async () => {
      for (const chunk of modlinkBatches) await app.link.create(chunk, { checkRecords: false })
    },
    baseline: async () => {
      for (const [i, products] of productBatches.entries()) await db.query(UPSERT, [products, postBatches[i]])
    },
    state: () => tableDigest(db, LINK_TABLE, "product_id, post_id, deleted_at is null"),
  }
}

/**
 * `link.create` checking its records (the default: a read of the records, then the upsert) in calls
 * of `batch` pairs, against the hand-written upsert that checks them in the same statement.
 */
export function checkedLinkCreates(app: App, db: Database, pairs: LinkPairs, batch: number): WriteCase {
  const size = pairs.products.length
  const batches = chunks(inputsOf(pairs), batch)
  const productBatches = chunks(pairs.products, batch)
  const postBatches = chunks(pairs.posts, batch)
  return {
    name: `link.create ×${size} in calls of ${batch}, records checked`,
    baselineLabel: `INSERT … unnest ON CONFLICT checking the records, per ${batch}`,
    rows: size,
    reset: () => db.exec(`truncate ${LINK_TABLE}`),
    modlink: async () => {
      for (const chunk of batches) await app.link.create(chunk)
    },
    baseline: async () => {
      for (const [i, products] of productBatches.entries())
        await db.query(CHECKED_UPSERT, [products, postBatches[i]])
    },
    state: () => tableDigest(db, LINK_TABLE, "product_id, post_id, deleted_at is null"),
  }
}
