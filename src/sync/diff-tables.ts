import { primaryKeyName } from "../dml/identifiers.ts"
import type { ColumnSchema, IndexSchema, TableSchema } from "../dml/table-schema.ts"
import type { IntrospectedIndex, IntrospectedSchema, IntrospectedTable } from "./catalog/introspect.ts"
import * as ddl from "./ddl.ts"
import { canonicalType, normalizeExpression } from "./normalize-sql.ts"

/**
 * How far a change can hurt: `safe` keeps every row and cannot fail; `may-fail` adds a rule
 * existing rows may break (the statement then fails, nothing is lost); `destructive` loses data.
 */
export type ChangeRisk = "safe" | "may-fail" | "destructive"

/** What existing rows must satisfy for a `may-fail` change; the planner counts the rows that do not. */
export type RowCondition =
  | { kind: "unique"; columns: string[]; where?: string }
  | { kind: "not-null"; column: string }
  | { kind: "empty" }
  | { kind: "check"; expression: string }
  | { kind: "foreign-key" }

export interface SchemaChange {
  table: string
  statement: string
  risk: ChangeRisk
  /** One line for people: `add column note text`, `drop column note (its data is lost)`. */
  description: string
  condition?: RowCondition
}

/** Statements run in this order, so a drop frees a name before a create or rename takes it. */
const PHASES = ["create", "drop", "columns", "primary-key", "indexes", "checks", "foreign-keys"] as const
type Phase = (typeof PHASES)[number]

interface PhasedChange extends SchemaChange {
  phase: Phase
}

/**
 * The statements that turn the tables as they are into the tables asked for. Tables that are not
 * asked for are left alone: dropping a table is a decision the caller makes (a removed link).
 */
export function diffTables(desired: readonly TableSchema[], actual: IntrospectedSchema): SchemaChange[] {
  const changes = desired.flatMap((table) => diffTable(table, actual.tables.get(table.name)))
  return PHASES.flatMap((phase) => changes.filter((c) => c.phase === phase)).map(
    ({ phase: _, ...change }) => change,
  )
}

function diffTable(want: TableSchema, have: IntrospectedTable | undefined): PhasedChange[] {
  if (!have) return createChanges(want)
  return [
    ...columnChanges(want, have),
    ...primaryKeyChanges(want, have),
    ...indexChanges(want, have),
    ...constraintChanges(want, have),
  ]
}

function createChanges(want: TableSchema): PhasedChange[] {
  const table = want.name
  return [
    {
      phase: "create",
      table,
      statement: ddl.createTable(want),
      risk: "safe",
      description: `create table ${table}`,
    },
    ...want.indexes.map(
      (index): PhasedChange => ({
        phase: "indexes",
        table,
        statement: ddl.createIndex(table, index),
        risk: "safe",
        description: describeIndex("add", index),
      }),
    ),
    ...want.foreignKeys.map(
      (key): PhasedChange => ({
        phase: "foreign-keys",
        table,
        statement: ddl.addForeignKey(table, key),
        risk: "safe",
        description: `add foreign key ${key.name}`,
      }),
    ),
  ]
}

function columnChanges(want: TableSchema, have: IntrospectedTable): PhasedChange[] {
  const table = want.name
  const changes: PhasedChange[] = []
  const push = (change: Omit<PhasedChange, "phase" | "table">) =>
    changes.push({ phase: "columns", table, ...change })
  const existing = new Map(have.columns.map((c) => [c.name, c]))
  for (const column of want.columns) {
    const current = existing.get(column.name)
    if (!current) {
      const needsValue = !column.nullable && column.default === undefined
      push({
        statement: ddl.addColumn(table, column),
        risk: needsValue ? "may-fail" : "safe",
        description: `add column ${column.name} ${column.type}${needsValue ? " not null without a default" : ""}`,
        ...(needsValue ? { condition: { kind: "empty" } } : {}),
      })
      continue
    }
    if (canonicalType(column.type) !== canonicalType(current.type)) {
      const widens = widensToText(current.type, column.type)
      push({
        statement: ddl.alterColumnType(table, column),
        risk: widens ? "safe" : "destructive",
        description: `${widens ? "widen" : "change type of"} ${column.name} from ${current.type} to ${column.type}${widens ? " (no row rewritten)" : ""}`,
      })
    }
    if (!sameDefault(column, current)) {
      push({
        statement: ddl.setDefault(table, column.name, column.default),
        risk: "safe",
        description:
          column.default === undefined
            ? `drop default of ${column.name}`
            : `set default of ${column.name} to ${column.default}`,
      })
    }
    if (column.nullable !== current.nullable) {
      push({
        statement: ddl.setNotNull(table, column.name, !column.nullable),
        risk: column.nullable ? "safe" : "may-fail",
        description: column.nullable ? `allow null in ${column.name}` : `set ${column.name} not null`,
        ...(column.nullable ? {} : { condition: { kind: "not-null", column: column.name } }),
      })
    }
  }
  const wanted = new Set(want.columns.map((c) => c.name))
  for (const column of have.columns) {
    if (wanted.has(column.name)) continue
    push({
      statement: ddl.dropColumn(table, column.name),
      risk: "destructive",
      description: `drop column ${column.name} (its data is lost)`,
    })
  }
  return changes
}

/**
 * `varchar(n)` → `text`: every value fits, and PostgreSQL only changes the catalog (the types are
 * binary coercible and share their index operator class, so neither the table nor its indexes are
 * rebuilt). Medusa's link tables are `varchar(255)`.
 */
function widensToText(from: string, to: string): boolean {
  return canonicalType(to) === "text" && /^character varying(\(\d+\))?$/.test(canonicalType(from))
}

function sameDefault(want: ColumnSchema, have: ColumnSchema): boolean {
  if (want.default === undefined || have.default === undefined) return want.default === have.default
  return normalizeExpression(want.default) === normalizeExpression(have.default)
}

function primaryKeyChanges(want: TableSchema, have: IntrospectedTable): PhasedChange[] {
  const table = want.name
  const name = primaryKeyName(table)
  const phase = "primary-key"
  if (sameList(want.primaryKey, have.primaryKey)) {
    if (!have.primaryKeyName || have.primaryKeyName === name) return []
    const statement = ddl.renameConstraint(table, have.primaryKeyName, name)
    return [
      {
        phase,
        table,
        statement,
        risk: "safe",
        description: `rename primary key ${have.primaryKeyName} → ${name}`,
      },
    ]
  }
  const changes: PhasedChange[] = []
  if (have.primaryKeyName) {
    const statement = ddl.dropConstraint(table, have.primaryKeyName)
    changes.push({
      phase,
      table,
      statement,
      risk: "safe",
      description: `drop primary key (${have.primaryKey.join(", ")})`,
    })
  }
  if (want.primaryKey.length > 0) {
    changes.push({
      phase,
      table,
      statement: ddl.addPrimaryKey(table, want.primaryKey),
      risk: "may-fail",
      description: `set primary key (${want.primaryKey.join(", ")})`,
      condition: { kind: "unique", columns: [...want.primaryKey] },
    })
  }
  return changes
}

function sameIndex(a: IndexSchema, b: IndexSchema): boolean {
  const where = (i: IndexSchema) => (i.where ? normalizeExpression(i.where) : "")
  return a.unique === b.unique && sameList(a.columns, b.columns) && where(a) === where(b)
}

function indexChanges(want: TableSchema, have: IntrospectedTable): PhasedChange[] {
  const table = want.name
  const changes: PhasedChange[] = []
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
      changes.push({
        phase: "indexes",
        table,
        statement: ddl.renameIndex(twin.name, index.name),
        risk: "safe",
        description: `rename index ${twin.name} → ${index.name}`,
      })
      continue
    }
    const tightens = index.unique
    changes.push({
      phase: "indexes",
      table,
      statement: ddl.createIndex(table, index),
      risk: tightens ? "may-fail" : "safe",
      description: describeIndex("add", index),
      ...(tightens ? { condition: { kind: "unique", columns: [...index.columns], where: index.where } } : {}),
    })
  }
  for (const index of unclaimed.values()) changes.push(dropIndexChange(table, index))
  return changes
}

function dropIndexChange(table: string, index: IntrospectedIndex): PhasedChange {
  return {
    phase: "drop",
    table,
    statement: index.constraint ? ddl.dropConstraint(table, index.name) : ddl.dropIndex(index.name),
    risk: "safe",
    description: describeIndex("drop", index),
  }
}

function describeIndex(verb: "add" | "drop", index: IndexSchema): string {
  const kind = index.unique ? "unique index" : "index"
  return `${verb} ${kind} ${index.name} on (${index.columns.join(", ")})${index.where ? ` where ${index.where}` : ""}`
}

function constraintChanges(want: TableSchema, have: IntrospectedTable): PhasedChange[] {
  const table = want.name
  return [
    ...reconcileConstraints(table, "check", want.checks, have.checks, {
      same: (a, b) => normalizeExpression(a.expression) === normalizeExpression(b.expression),
      add: (check) => ({
        phase: "checks",
        table,
        statement: ddl.addCheck(table, check),
        risk: "may-fail",
        description: `add check ${check.name}: ${check.expression}`,
        condition: { kind: "check", expression: check.expression },
      }),
    }),
    ...reconcileConstraints(table, "foreign key", want.foreignKeys, have.foreignKeys, {
      same: (a, b) =>
        a.referencedTable === b.referencedTable &&
        a.onDelete === b.onDelete &&
        sameList(a.columns, b.columns) &&
        sameList(a.referencedColumns, b.referencedColumns),
      add: (key) => ({
        phase: "foreign-keys",
        table,
        statement: ddl.addForeignKey(table, key),
        risk: "may-fail",
        description: `add foreign key ${key.name} → ${key.referencedTable}`,
        condition: { kind: "foreign-key" },
      }),
    }),
  ]
}

/**
 * Named constraints are matched by name: one that changed is dropped and added again (PostgreSQL
 * cannot alter a check or a foreign key in place), one no longer wanted is dropped.
 */
function reconcileConstraints<T extends { name: string }>(
  table: string,
  noun: string,
  want: readonly T[],
  have: readonly T[],
  rules: { same: (current: T, wanted: T) => boolean; add: (wanted: T) => PhasedChange },
): PhasedChange[] {
  const existing = new Map(have.map((c) => [c.name, c]))
  const drop = (name: string): PhasedChange => ({
    phase: "drop",
    table,
    statement: ddl.dropConstraint(table, name),
    risk: "safe",
    description: `drop ${noun} ${name}`,
  })
  const changes: PhasedChange[] = []
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
