import { checkConstraintName, linkIndexName } from "../dml/identifiers.ts"
import type { IndexSchema, TableSchema } from "../dml/table-schema.ts"
import type { ResolvedTableLink } from "./resolved-link.ts"

/** Dismissed (soft-deleted) pairs must not count against the cardinality. */
export const LIVE_LINK_ROWS = "deleted_at is null"

/**
 * Which key columns must be unique among live rows. `isList` on a side means the other side may
 * have many of these: a right-side list lets one left record have many right records, so each
 * right record belongs to at most one left record (its key is unique), and vice versa.
 */
export function uniqueKeyColumns(link: Pick<ResolvedTableLink, "left" | "right">): string[] {
  const unique: string[] = []
  if (!link.right.isList) unique.push(link.left.key)
  if (!link.left.isList) unique.push(link.right.key)
  return unique
}

/**
 * The table a link needs. No foreign keys: the linked records live in other modules, possibly on
 * other databases. Cardinality is enforced here, by partial unique indexes, not by the link service.
 */
export function linkTableSchema(link: ResolvedTableLink): TableSchema {
  const { table, left, right } = link
  const indexes: IndexSchema[] = [
    { name: linkIndexName(table, "id", "unique"), columns: ["id"], unique: true },
    { name: linkIndexName(table, left.key, "idx"), columns: [left.key], unique: false },
    { name: linkIndexName(table, right.key, "idx"), columns: [right.key], unique: false },
    { name: linkIndexName(table, "deleted_at", "idx"), columns: ["deleted_at"], unique: false },
    ...uniqueKeyColumns(link).map((key) => ({
      name: linkIndexName(table, key, "unique"),
      columns: [key],
      unique: true,
      where: LIVE_LINK_ROWS,
    })),
  ]
  return {
    name: table,
    columns: [
      { name: "id", type: "text", nullable: false },
      { name: left.key, type: "text", nullable: false },
      { name: right.key, type: "text", nullable: false },
      ...link.extraColumns.map(({ name, type, nullable, default: value }) => ({
        name,
        type,
        nullable,
        ...(value === undefined ? {} : { default: value }),
      })),
      { name: "created_at", type: "timestamptz", nullable: false, default: "now()" },
      { name: "updated_at", type: "timestamptz", nullable: false, default: "now()" },
      { name: "deleted_at", type: "timestamptz", nullable: true },
    ],
    primaryKey: [left.key, right.key],
    indexes,
    foreignKeys: [],
    checks: link.extraColumns.flatMap((column) =>
      column.check ? [{ name: checkConstraintName(table, column.name), expression: column.check }] : [],
    ),
  }
}
