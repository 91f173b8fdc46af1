import type { IndexSchema } from "../../dml/table-schema.ts"
import * as ddl from "./ddl.ts"
import { canonicalType } from "./normalize-sql.ts"
import type { ChangeRisk, RowCondition, TableChange } from "./table-change.ts"

/** A change with its statement, its line for people, and how far it can hurt. */
export interface SchemaChange {
  table: string
  statement: string
  risk: ChangeRisk
  /** One line for people: `add column note text`, `drop column note (its data is lost)`. */
  description: string
  condition?: RowCondition
  /** The change itself, as the diff produced it. */
  change: TableChange
}

/**
 * The statement, the description and the grading of one change node: the one place where SQL and
 * words for a change are written, for migrations and link sync alike.
 */
export function renderChange(change: TableChange): SchemaChange {
  const condition = conditionOf(change)
  return {
    table: change.table,
    statement: statementOf(change),
    risk: riskOf(change),
    description: describe(change),
    ...(condition ? { condition } : {}),
    change,
  }
}

export function statementOf(change: TableChange): string {
  const table = change.table
  switch (change.kind) {
    case "create-table":
      return ddl.createTable(change.schema)
    case "drop-table":
      return change.cascade ? `${ddl.dropTable(table)} cascade` : ddl.dropTable(table)
    case "rename-table":
      return ddl.renameTable(change.from, table)
    case "add-column":
      return ddl.addColumn(table, change.column)
    case "drop-column":
      return ddl.dropColumn(table, change.column)
    case "rename-column":
      return ddl.renameColumn(table, change.from, change.to)
    case "alter-column-type":
      return ddl.alterColumnType(table, change.column)
    case "set-default":
      return ddl.setDefault(table, change.column, change.default)
    case "set-nullable":
      return ddl.setNotNull(table, change.column, !change.nullable)
    case "rename-primary-key":
      return ddl.renameConstraint(table, change.from, change.to)
    case "add-primary-key":
      return ddl.addPrimaryKey(table, change.columns)
    case "add-index":
      return ddl.createIndex(table, change.index)
    case "rename-index":
      return ddl.renameIndex(change.from, change.to)
    case "drop-index":
      return change.index.constraint
        ? ddl.dropConstraint(table, change.index.name)
        : ddl.dropIndex(change.index.name)
    case "add-check":
      return ddl.addCheck(table, change.check)
    case "drop-primary-key":
    case "drop-constraint":
      return ddl.dropConstraint(table, change.name)
    case "add-foreign-key":
      return ddl.addForeignKey(table, change.key)
  }
}

export function riskOf(change: TableChange): ChangeRisk {
  switch (change.kind) {
    case "drop-table":
    case "drop-column":
      return "destructive"
    case "alter-column-type":
      return widensToText(change.from, change.column.type) ? "safe" : "destructive"
    case "add-column":
      return needsValue(change.column) ? "may-fail" : "safe"
    case "set-nullable":
      return change.nullable ? "safe" : "may-fail"
    case "add-primary-key":
    case "add-check":
      return "may-fail"
    case "add-index":
      return change.index.unique && !change.newTable ? "may-fail" : "safe"
    case "add-foreign-key":
      return change.newTable ? "safe" : "may-fail"
    default:
      return "safe"
  }
}

/** For a `may-fail` change: the rule every existing row must satisfy. */
export function conditionOf(change: TableChange): RowCondition | undefined {
  switch (change.kind) {
    case "add-column":
      return needsValue(change.column) ? { kind: "empty" } : undefined
    case "set-nullable":
      return change.nullable ? undefined : { kind: "not-null", column: change.column }
    case "add-primary-key":
      return { kind: "unique", columns: [...change.columns] }
    case "add-index":
      return change.index.unique && !change.newTable
        ? { kind: "unique", columns: [...change.index.columns], where: change.index.where }
        : undefined
    case "add-check":
      return { kind: "check", expression: change.check.expression }
    case "add-foreign-key":
      return change.newTable ? undefined : { kind: "foreign-key" }
    default:
      return undefined
  }
}

export function describe(change: TableChange): string {
  switch (change.kind) {
    case "create-table":
      return `create table ${change.table}`
    case "drop-table":
      return `drop table ${change.table}`
    case "rename-table":
      return `rename table ${change.from} → ${change.table}`
    case "add-column": {
      const { column } = change
      return `add column ${column.name} ${column.type}${needsValue(column) ? " not null without a default" : ""}`
    }
    case "drop-column":
      return `drop column ${change.column} (its data is lost)`
    case "rename-column":
      return `rename column ${change.from} → ${change.to}`
    case "alter-column-type": {
      const { column, from } = change
      return widensToText(from, column.type)
        ? `widen ${column.name} from ${from} to ${column.type} (no row rewritten)`
        : `change type of ${column.name} from ${from} to ${column.type}`
    }
    case "set-default":
      return change.default === undefined
        ? `drop default of ${change.column}`
        : `set default of ${change.column} to ${change.default}`
    case "set-nullable":
      return change.nullable ? `allow null in ${change.column}` : `set ${change.column} not null`
    case "rename-primary-key":
      return `rename primary key ${change.from} → ${change.to}`
    case "drop-primary-key":
      return `drop primary key (${change.columns.join(", ")})`
    case "add-primary-key":
      return `set primary key (${change.columns.join(", ")})`
    case "add-index":
      return describeIndex("add", change.index)
    case "rename-index":
      return `rename index ${change.from} → ${change.to}`
    case "drop-index":
      return describeIndex("drop", change.index)
    case "add-check":
      return `add check ${change.check.name}: ${change.check.expression}`
    case "drop-constraint":
      return `drop ${change.noun} ${change.name}`
    case "add-foreign-key":
      return change.newTable
        ? `add foreign key ${change.key.name}`
        : `add foreign key ${change.key.name} → ${change.key.referencedTable}`
  }
}

function needsValue(column: { nullable: boolean; default?: string }): boolean {
  return !column.nullable && column.default === undefined
}

/**
 * `varchar(n)` → `text`: every value fits, and PostgreSQL only changes the catalog (the types are
 * binary coercible and share their index operator class, so neither the table nor its indexes are
 * rebuilt). Medusa's link tables are `varchar(255)`.
 */
function widensToText(from: string, to: string): boolean {
  return canonicalType(to) === "text" && /^character varying(\(\d+\))?$/.test(canonicalType(from))
}

function describeIndex(verb: "add" | "drop", index: IndexSchema): string {
  const kind = index.unique ? "unique index" : "index"
  return `${verb} ${kind} ${index.name} on (${index.columns.join(", ")})${index.where ? ` where ${index.where}` : ""}`
}
