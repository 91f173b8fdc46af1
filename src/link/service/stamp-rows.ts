import { type Database, type Sql, sql } from "../../db/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import type { ModelRef } from "./link-graph.ts"
import type { LinkKeyRow } from "./link-input.ts"
import { keyColumns, toKeyRow } from "./link-rows.ts"
import { queryTogether } from "./query-together.ts"

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

/** The link rows of several tables, one UPDATE each in one statement; returns the rows each changed. */
export async function stampLinkRows(
  db: Database,
  batch: ReadonlyArray<[ResolvedTableLink, readonly string[]]>,
  change: StampChange,
): Promise<LinkKeyRow[][]> {
  const { set, where } = assignment(change)
  const parts = await queryTogether(
    db,
    batch.map(
      ([link, ids]) =>
        sql`update ${sql.id(link.table)} t set ${set}, updated_at = now() where t.id = any(${ids}) and t.${where} returning ${keyColumns(link)}`,
    ),
  )
  return parts.map((rows) => rows.map(toKeyRow))
}

/**
 * The records of several models, one UPDATE each on its module's table, in one statement: the same
 * write the module service's softDelete / restore makes, issued here so it joins the cascade's
 * transaction. Returns the ids each changed.
 */
export async function stampRecords(
  db: Database,
  batch: ReadonlyArray<[ModelRef, readonly string[]]>,
  change: StampChange,
): Promise<string[][]> {
  const { set, where } = assignment(change)
  const parts = await queryTogether(
    db,
    batch.map(([ref, ids]) => {
      const pk = sql.id(ref.primaryKey)
      return sql`update ${sql.id(ref.table)} set ${set}, updated_at = now() where ${pk} = any(${ids}) and ${where} returning ${pk} as id`
    }),
  )
  return parts.map((rows) => rows.map((r) => r.id as string))
}
