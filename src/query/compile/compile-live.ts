import { type Sql, sql } from "../../db/index.ts"
import type { Entity, Through } from "../../schema/index.ts"
import type { CompileContext } from "./compile-context.ts"

/** `alias.deleted_at IS NULL` for soft-deleting entities, unless the query asked for deleted rows. */
export function liveRow(ctx: CompileContext, entity: Entity, alias: string): Sql[] {
  if (ctx.withDeleted || !entity.softDelete) return []
  const column = entity.fields.get("deleted_at")?.column ?? "deleted_at"
  return [sql`${sql.id(alias, column)} IS NULL`]
}

/** The same for pivot rows: a dismissed link is a soft-deleted link row. */
export function livePivot(ctx: CompileContext, through: Through, alias: string): Sql[] {
  if (ctx.withDeleted || !through.softDelete) return []
  return [sql`${sql.id(alias, "deleted_at")} IS NULL`]
}

/** Conditions joined with AND; `true` when there are none, so callers can always write `WHERE`. */
export function allOf(conditions: readonly Sql[]): Sql {
  if (conditions.length === 0) return sql.raw("true")
  return sql.join(conditions, " AND ")
}
