import { type Sql, sql } from "../../db/sql.ts"
import { primaryKeyName } from "../../dml/identifiers.ts"
import type {
  CheckSchema,
  ColumnSchema,
  ForeignKeySchema,
  IndexSchema,
  TableSchema,
} from "../../dml/table-schema.ts"

/**
 * DDL statements as text. DDL takes no bind parameters, so every identifier goes through `sql.id`
 * and the only raw text is what a TableSchema holds: types, defaults and predicates modlink wrote.
 */
function text(statement: Sql): string {
  const { text, values } = statement.compile()
  if (values.length > 0) throw new Error(`DDL cannot carry bind parameters: ${text}`)
  return text
}

const ids = (names: readonly string[]) => sql.join(names.map((name) => sql.id(name)))

function columnDefinition(column: ColumnSchema): Sql {
  const notNull = column.nullable ? sql.empty : sql.raw(" not null")
  const fallback = column.default === undefined ? sql.empty : sql.raw(` default ${column.default}`)
  return sql`${sql.id(column.name)} ${sql.raw(column.type)}${notNull}${fallback}`
}

function checkDefinition(check: CheckSchema): Sql {
  return sql`constraint ${sql.id(check.name)} check (${sql.raw(check.expression)})`
}

export function createTable(table: TableSchema): string {
  const parts = table.columns.map(columnDefinition)
  if (table.primaryKey.length > 0) {
    parts.push(sql`constraint ${sql.id(primaryKeyName(table.name))} primary key (${ids(table.primaryKey)})`)
  }
  parts.push(...table.checks.map(checkDefinition))
  return text(sql`create table ${sql.id(table.name)} (${sql.join(parts)})`)
}

export function dropTable(table: string): string {
  return text(sql`drop table if exists ${sql.id(table)}`)
}

export function renameTable(from: string, to: string): string {
  return text(sql`alter table ${sql.id(from)} rename to ${sql.id(to)}`)
}

export function addColumn(table: string, column: ColumnSchema): string {
  return text(sql`alter table ${sql.id(table)} add column ${columnDefinition(column)}`)
}

export function dropColumn(table: string, column: string): string {
  return text(sql`alter table ${sql.id(table)} drop column ${sql.id(column)}`)
}

export function renameColumn(table: string, from: string, to: string): string {
  return text(sql`alter table ${sql.id(table)} rename column ${sql.id(from)} to ${sql.id(to)}`)
}

export function alterColumnType(table: string, column: ColumnSchema): string {
  const target = sql.raw(column.type)
  return text(
    sql`alter table ${sql.id(table)} alter column ${sql.id(column.name)} type ${target} using ${sql.id(column.name)}::${target}`,
  )
}

export function setNotNull(table: string, column: string, notNull: boolean): string {
  const action = sql.raw(notNull ? "set not null" : "drop not null")
  return text(sql`alter table ${sql.id(table)} alter column ${sql.id(column)} ${action}`)
}

export function setDefault(table: string, column: string, value: string | undefined): string {
  const action = value === undefined ? sql.raw("drop default") : sql.raw(`set default ${value}`)
  return text(sql`alter table ${sql.id(table)} alter column ${sql.id(column)} ${action}`)
}

export function addPrimaryKey(table: string, columns: readonly string[]): string {
  return text(
    sql`alter table ${sql.id(table)} add constraint ${sql.id(primaryKeyName(table))} primary key (${ids(columns)})`,
  )
}

export function dropConstraint(table: string, name: string): string {
  return text(sql`alter table ${sql.id(table)} drop constraint ${sql.id(name)}`)
}

export function renameConstraint(table: string, from: string, to: string): string {
  return text(sql`alter table ${sql.id(table)} rename constraint ${sql.id(from)} to ${sql.id(to)}`)
}

export function createIndex(table: string, index: IndexSchema): string {
  const unique = sql.raw(index.unique ? "create unique index" : "create index")
  const where = index.where ? sql.raw(` where ${index.where}`) : sql.empty
  return text(sql`${unique} ${sql.id(index.name)} on ${sql.id(table)} (${ids(index.columns)})${where}`)
}

export function dropIndex(name: string): string {
  return text(sql`drop index ${sql.id(name)}`)
}

export function renameIndex(from: string, to: string): string {
  return text(sql`alter index ${sql.id(from)} rename to ${sql.id(to)}`)
}

export function addCheck(table: string, check: CheckSchema): string {
  return text(sql`alter table ${sql.id(table)} add ${checkDefinition(check)}`)
}

export function addForeignKey(table: string, key: ForeignKeySchema): string {
  return text(
    sql`alter table ${sql.id(table)} add constraint ${sql.id(key.name)} foreign key (${ids(key.columns)}) references ${sql.id(key.referencedTable)} (${ids(key.referencedColumns)}) on delete ${sql.raw(key.onDelete)}`,
  )
}
