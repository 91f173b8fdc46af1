import type { Database } from "../../src/db/index.ts"

/**
 * Loads the read dataset with generate_series inside the database: N products, N posts (every
 * 100th title contains "sale", the 1% the link filter selects), 5N notes, product i ↔ post i and
 * product i ↔ notes 5i-4…5i. Products and link tables go to `main`, posts and notes to `blog`
 * (the same database unless the blog module has its own). Setup is not what is measured, so it takes the fastest path; ids are
 * zero-padded so their text order is their number order.
 */
export async function seedReadData(main: Database, blog: Database, size: number): Promise<void> {
  // One fixed timestamp for every row: two datasets seeded at different moments (the one-database
  // and the two-database apps of the cross-database case) must hold identical records.
  const at = "'2025-01-01T00:00:00Z'"
  await main.exec(`
    insert into product (id, title, handle, status, description, created_at, updated_at)
      select 'prod_' || lpad(i::text, 8, '0'), 'Product ' || i, 'product-' || i, 'published',
             'Description of product ' || i, ${at}, ${at}
      from generate_series(1, ${size}) i;
    insert into product_product_blog_post (id, product_id, post_id, created_at, updated_at)
      select 'link_p' || lpad(i::text, 8, '0'), 'prod_' || lpad(i::text, 8, '0'), 'post_' || lpad(i::text, 8, '0'),
             ${at}, ${at}
      from generate_series(1, ${size}) i;
    insert into product_product_blog_note (id, product_id, note_id, created_at, updated_at)
      select 'link_n' || lpad(i::text, 9, '0'), 'prod_' || lpad(((i + 4) / 5)::text, 8, '0'),
             'note_' || lpad(i::text, 9, '0'), ${at}, ${at}
      from generate_series(1, ${size * 5}) i;
  `)
  await blog.exec(`
    insert into post (id, title, body, created_at, updated_at)
      select 'post_' || lpad(i::text, 8, '0'),
             case when i % 100 = 0 then 'Post ' || i || ' on sale' else 'Post ' || i end,
             'Body of post ' || i, ${at}, ${at}
      from generate_series(1, ${size}) i;
    insert into note (id, body, created_at, updated_at)
      select 'note_' || lpad(i::text, 9, '0'), 'Note ' || i, ${at}, ${at} from generate_series(1, ${size * 5}) i;
  `)
  // Fresh statistics and a visibility map, as a database that has been running for a while has.
  await main.exec("vacuum analyze")
  if (blog !== main) await blog.exec("vacuum analyze")
}

/** The product ids of the read dataset, in order: slices of them feed dismiss and delete. */
export function productIds(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `prod_${String(i + 1).padStart(8, "0")}`)
}

export function postIds(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `post_${String(i + 1).padStart(8, "0")}`)
}
