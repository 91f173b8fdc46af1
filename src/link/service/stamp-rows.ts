import { type Database, type Sql, sql } from "../../db/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import type { ModelRef } from "./link-graph.ts"
import type { LinkKeyRow } from "./link-input.ts"
import { keyColumns, toKeyRow } from "./link-rows.ts"

/**
 * A cascade writes `deleted_at = stamp` on live rows; its restore clears `deleted_at` only where it
 * still equals that stamp. Rows changed in between (restored by hand, deleted again, dismissed)
 * keep their state.
 */
export interface StampChange {
  change: "delete" | "restore"
  stamp: string
}

function assignment({ change, stamp }: StampChange): { set: Sql; where: Sql } {
  return change === "delete"
    ? { set: sql`deleted_at = ${stamp}::timestamptz`, where: sql`deleted_at is null` }
    : { set: sql`deleted_at = null`, where: sql`deleted_at = ${stamp}::timestamptz` }
}

/** One UPDATE for all the link rows of one table; returns the rows it changed. */
export async function stampLinkRows(
  db: Database,
  link: ResolvedTableLink,
  ids: readonly string[],
  change: StampChange,
): Promise<LinkKeyRow[]> {
  const { set, where } = assignment(change)
  const { rows } = await db.query(
    sql`update ${sql.id(link.table)} t set ${set}, updated_at = now() where t.id = any(${ids}) and t.${where} returning ${keyColumns(link)}`,
  )
  return rows.map(toKeyRow)
}

/**
 * One UPDATE for the records of one model, on its module's table: the same write the module
 * service's softDelete / restore makes, issued here so it joins the cascade's transaction.
 */
export async function stampRecords(
  db: Database,
  ref: ModelRef,
  ids: readonly string[],
  change: StampChange,
): Promise<string[]> {
  const { set, where } = assignment(change)
  const pk = sql.id(ref.primaryKey)
  const { rows } = await db.query<{ id: string }>(
    sql`update ${sql.id(ref.table)} set ${set}, updated_at = now() where ${pk} = any(${ids}) and ${where} returning ${pk} as id`,
  )
  return rows.map((r) => r.id)
}
