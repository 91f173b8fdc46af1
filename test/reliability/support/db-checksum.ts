import { type Database, sql } from "../../../src/db/index.ts"

/** Every table of the public schema with a digest of its rows, and the schema's relations by kind. */
export interface DatabaseChecksum {
  relations: string[]
  tables: Record<string, string>
}

/**
 * A fingerprint of everything a hostile call could touch: the list of relations (a `drop table` or
 * `create table` injected anywhere changes it) and one md5 per table over its rows in text form (an
 * injected `update`/`delete`/`insert` changes that). Rows are ordered by their text so the digest does
 * not depend on physical order, which vacuum or an update-and-rollback may change.
 */
export async function checksumDatabase(db: Database): Promise<DatabaseChecksum> {
  const { rows } = await db.query<{ name: string; kind: string }>(sql`
    select c.relname as name, c.relkind::text as kind
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'i')
    order by c.relname`)
  const tables: Record<string, string> = {}
  for (const { name, kind } of rows) {
    if (kind !== "r" && kind !== "p") continue
    const digest = await db.query<{ md5: string | null }>(
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${sql.id(name)} t`,
    )
    tables[name] = digest.rows[0].md5 ?? ""
  }
  return { relations: rows.map((r) => `${r.kind}:${r.name}`), tables }
}

/**
 * The same fingerprint as one statement, for checking after every generated case: the relation
 * list and every table's digest concatenated and hashed by PostgreSQL in a single round trip. The
 * table list is read once; a table created or dropped later changes the relation list part.
 */
export async function fingerprinter(db: Database): Promise<() => Promise<string>> {
  const { tables } = await checksumDatabase(db)
  const digests = Object.keys(tables).map(
    (name) =>
      sql`(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${sql.id(name)} t)`,
  )
  const statement = sql`select md5(concat_ws('#',
    (select string_agg(c.relkind::text || ':' || c.relname, ',' order by c.relname)
     from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'),
    ${sql.join(digests, ",\n    ")})) as digest`
  return async () => (await db.query<{ digest: string }>(statement)).rows[0].digest
}
