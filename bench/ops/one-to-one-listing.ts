import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { ReadCase } from "../measure/cases.ts"
import { jsonObject, POST_COLUMNS, PRODUCT_COLUMNS, pick, prefixed } from "./columns.ts"
import { type Page, pageOf, rowsOf } from "./page.ts"

/** One direction of the 1:1 link: the listed model and the linked one, as SQL sees them. */
interface Direction {
  name: string
  entity: string
  table: string
  columns: readonly string[]
  rootKey: string
  field: string
  childTable: string
  childColumns: readonly string[]
  childKey: string
}

const LINK_TABLE = "product_product_blog_post"

export const PRODUCT_TO_POST: Direction = {
  name: "product + post.*",
  entity: "product",
  table: "product",
  columns: PRODUCT_COLUMNS,
  rootKey: "product_id",
  field: "post",
  childTable: "post",
  childColumns: POST_COLUMNS,
  childKey: "post_id",
}

export const POST_TO_PRODUCT: Direction = {
  name: "post + product.*",
  entity: "post",
  table: "post",
  columns: POST_COLUMNS,
  rootKey: "post_id",
  field: "product",
  childTable: "product",
  childColumns: PRODUCT_COLUMNS,
  childKey: "product_id",
}

/** `from` and `order by` of the hand-written statements: the page first, then the joins. */
function fromClause(d: Direction, take: number | undefined): string {
  const root =
    take === undefined
      ? `${d.table} r`
      : `(select * from ${d.table} where deleted_at is null order by id limit ${take}) r`
  return `from ${root}
    left join ${LINK_TABLE} l on l.${d.rootKey} = r.id and l.deleted_at is null
    left join ${d.childTable} c on c.id = l.${d.childKey} and c.deleted_at is null
    where r.deleted_at is null ${take === undefined ? "" : "order by r.id"}`
}

/** The count a paginated answer carries, computed in the same statement (an InitPlan, run once). */
function totalColumn(d: Direction, take: number | undefined): string {
  return take === undefined ? "" : `, (select count(*) from ${d.table} where deleted_at is null) as total`
}

/** The record and its linked record as JSON, built by PostgreSQL in one statement. */
async function jsonStatement(db: Database, d: Direction, take: number | undefined): Promise<Page> {
  const child = `'${d.field}', case when c.id is null then null else ${jsonObject("c", d.childColumns)} end`
  const { rows } = await db.query<{ j: Record<string, unknown>; total?: string }>(
    `select ${jsonObject("r", d.columns, child)} as j${totalColumn(d, take)} ${fromClause(d, take)}`,
  )
  return pageOf(
    rows.map((row) => row.j),
    rows,
    take,
  )
}

/** The same rows fetched flat (one row per pair, joined columns prefixed) and nested in JavaScript. */
async function flatRows(db: Database, d: Direction, take: number | undefined): Promise<Page> {
  const { rows } = await db.query<Record<string, unknown> & { total?: string }>(
    `select r.*, ${prefixed("c", d.childColumns)}${totalColumn(d, take)} ${fromClause(d, take)}`,
  )
  const records = rows.map((row) => {
    const record = pick(row, d.columns)
    record[d.field] = row.c_id === null ? null : pick(row, d.childColumns, "c")
    return record
  })
  return pageOf(records, rows, take)
}

/** `query.graph` of `entity` with `*` and the linked record's `*`, against both baselines. */
export function oneToOneListing(app: App, db: Database, d: Direction, take: number | undefined): ReadCase {
  const input = {
    entity: d.entity,
    fields: ["*", `${d.field}.*`],
    ...(take === undefined ? {} : { pagination: { take } }),
  }
  return {
    name: `${d.name} ${take === undefined ? "all" : `take ${take}`}`,
    ordered: take !== undefined,
    modlink: { label: "modlink", run: () => app.query.graph(input) },
    baselines: [
      { label: "SQL → JSON", run: () => jsonStatement(db, d, take) },
      { label: "flat SQL + JS", run: () => flatRows(db, d, take) },
    ],
    rows: rowsOf,
  }
}
