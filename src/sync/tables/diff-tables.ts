import { primaryKeyName } from "../../dml/identifiers.ts"
import type { ColumnSchema, IndexSchema, TableSchema } from "../../dml/table-schema.ts"
import type { IntrospectedSchema, IntrospectedTable } from "../catalog/introspect.ts"
import { canonicalType, normalizeExpression } from "./normalize-sql.ts"
import { renderChange, type SchemaChange } from "./render-change.ts"
import type { TableChange, TableChangeKind } from "./table-change.ts"

/** Statements run in this order, so a drop frees a name before a create or rename takes it. */
const PHASE: Record<TableChangeKind, number> = {
  "create-table": 0,
  "rename-table": 0,
  "drop-table": 1,
  "drop-index": 1,
  "drop-constraint": 1,
  "add-column": 2,
  "drop-column": 2,
  "rename-column": 2,
  "alter-column-type": 2,
  "set-default": 2,
  "set-nullable": 2,
  "rename-primary-key": 3,
  "drop-primary-key": 3,
  "add-primary-key": 3,
  "add-index": 4,
  "rename-index": 4,
  "add-check": 5,
  "add-foreign-key": 6,
}

/**
 * The changes that turn the tables as they are into the tables asked for, as typed nodes in the
 * order they must run. Pure: reads only its arguments. Tables that are not asked for are left
 * alone: dropping a table is a decision the caller makes (a removed link).
 */
export function diffTableChanges(desired: readonly TableSchema[], actual: IntrospectedSchema): TableChange[] {
  const changes = desired.flatMap((table) => diffTable(table, actual.tables.get(table.name)))
  // A stable sort keeps each table's own order inside a phase.
  return changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => PHASE[a.change.kind] - PHASE[b.change.kind] || a.i - b.i)
    .map(({ change }) => change)
}

/** The same diff with every change rendered: statement, description and risk. */
export function diffTables(desired: readonly TableSchema[], actual: IntrospectedSchema): SchemaChange[] {
  return diffTableChanges(desired, actual).map(renderChange)
}

function diffTable(want: TableSchema, have: IntrospectedTable | undefined): TableChange[] {
  if (!have) return createChanges(want)
  return [
    ...columnChanges(want, have),
    ...primaryKeyChanges(want, have),
    ...indexChanges(want, have),
    ...constraintChanges(want, have),
  ]
}

function createChanges(want: TableSchema): TableChange[] {
  const table = want.name
  return [
    { kind: "create-table", table, schema: want },
    ...want.indexes.map((index): TableChange => ({ kind: "add-index", table, index, newTable: true })),
    ...want.foreignKeys.map((key): TableChange => ({ kind: "add-foreign-key", table, key, newTable: true })),
  ]
}

function columnChanges(want: TableSchema, have: IntrospectedTable): TableChange[] {
  const table = want.name
  const changes: TableChange[] = []
  const existing = new Map(have.columns.map((c) => [c.name, c]))
  for (const column of want.columns) {
    const current = existing.get(column.name)
    if (!current) {
      changes.push({ kind: "add-column", table, column })
      continue
    }
    if (canonicalType(column.type) !== canonicalType(current.type)) {
      changes.push({ kind: "alter-column-type", table, column, from: current.type })
    }
    if (!sameDefault(column, current)) {
      changes.push({ kind: "set-default", table, column: column.name, default: column.default })
    }
    if (column.nullable !== current.nullable) {
      changes.push({ kind: "set-nullable", table, column: column.name, nullable: column.nullable })
    }
  }
  const wanted = new Set(want.columns.map((c) => c.name))
  for (const column of have.columns) {
    if (!wanted.has(column.name)) changes.push({ kind: "drop-column", table, column: column.name })
  }
  return changes
}

function sameDefault(want: ColumnSchema, have: ColumnSchema): boolean {
  if (want.default === undefined || have.default === undefined) return want.default === have.default
  return normalizeExpression(want.default) === normalizeExpression(have.default)
}

function primaryKeyChanges(want: TableSchema, have: IntrospectedTable): TableChange[] {
  const table = want.name
  const name = primaryKeyName(table)
  if (sameList(want.primaryKey, have.primaryKey)) {
    if (!have.primaryKeyName || have.primaryKeyName === name) return []
    return [{ kind: "rename-primary-key", table, from: have.primaryKeyName, to: name }]
  }
  const changes: TableChange[] = []
  if (have.primaryKeyName) {
    changes.push({ kind: "drop-primary-key", table, name: have.primaryKeyName, columns: have.primaryKey })
  }
  if (want.primaryKey.length > 0) changes.push({ kind: "add-primary-key", table, columns: want.primaryKey })
  return changes
}

function sameIndex(a: IndexSchema, b: IndexSchema): boolean {
  const where = (i: IndexSchema) => (i.where ? normalizeExpression(i.where) : "")
  return a.unique === b.unique && sameList(a.columns, b.columns) && where(a) === where(b)
}

function indexChanges(want: TableSchema, have: IntrospectedTable): TableChange[] {
  const table = want.name
  const changes: TableChange[] = []
  const unclaimed = new Map(have.indexes.map((i) => [i.name, i]))
  const missing: IndexSchema[] = []
  for (const index of want.indexes) {
    const current = unclaimed.get(index.name)
    if (current && sameIndex(index, current)) unclaimed.delete(index.name)
    else missing.push(index)
  }
  for (const index of missing) {
    // An index with the same definition under another name (the table was renamed): rename it.
    const twin = [...unclaimed.values()].find(
      (i) => !i.constraint && i.name !== index.name && sameIndex(i, index),
    )
    if (twin) {
      unclaimed.delete(twin.name)
      changes.push({ kind: "rename-index", table, from: twin.name, to: index.name })
    } else {
      changes.push({ kind: "add-index", table, index })
    }
  }
  for (const index of unclaimed.values()) changes.push({ kind: "drop-index", table, index })
  return changes
}

function constraintChanges(want: TableSchema, have: IntrospectedTable): TableChange[] {
  const table = want.name
  return [
    ...reconcileConstraints(table, "check", want.checks, have.checks, {
      same: (a, b) => normalizeExpression(a.expression) === normalizeExpression(b.expression),
      add: (check) => ({ kind: "add-check", table, check }),
    }),
    ...reconcileConstraints(table, "foreign key", want.foreignKeys, have.foreignKeys, {
      same: (a, b) =>
        a.referencedTable === b.referencedTable &&
        a.onDelete === b.onDelete &&
        sameList(a.columns, b.columns) &&
        sameList(a.referencedColumns, b.referencedColumns),
      add: (key) => ({ kind: "add-foreign-key", table, key }),
    }),
  ]
}

/**
 * Named constraints are matched by name: one that changed is dropped and added again (PostgreSQL
 * cannot alter a check or a foreign key in place), one no longer wanted is dropped.
 */
function reconcileConstraints<T extends { name: string }>(
  table: string,
  noun: "check" | "foreign key",
  want: readonly T[],
  have: readonly T[],
  rules: { same: (current: T, wanted: T) => boolean; add: (wanted: T) => TableChange },
): TableChange[] {
  const existing = new Map(have.map((c) => [c.name, c]))
  const drop = (name: string): TableChange => ({ kind: "drop-constraint", table, name, noun })
  const changes: TableChange[] = []
  for (const wanted of want) {
    const current = existing.get(wanted.name)
    existing.delete(wanted.name)
    if (current && rules.same(current, wanted)) continue
    if (current) changes.push(drop(current.name))
    changes.push(rules.add(wanted))
  }
  for (const stale of existing.values()) changes.push(drop(stale.name))
  return changes
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}
