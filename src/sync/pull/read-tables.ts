import pluralize from "pluralize"
import { IMPLICIT_COLUMNS } from "../../dml/model.ts"
import { plural, toPascalCase } from "../../dml/names.ts"
import type { IntrospectedTable } from "../catalog/introspect.ts"
import { columnField, enumCheck } from "./column-field.ts"
import type { PulledModel, PulledModule, PulledRelation } from "./pulled-module.ts"

/**
 * Tables as a module: one model per table, `belongsTo` (and the `hasMany` back) for every
 * single-column foreign key named `<name>_id` between them, `manyToMany` for a pure pivot (two
 * key columns, both foreign keys, together the primary key). A pure function of the catalog, so it
 * is tested without a database.
 */
export function readTables(moduleName: string, tables: readonly IntrospectedTable[]): PulledModule {
  const notes: string[] = []
  const keyless = tables.filter((table) => table.primaryKey.length === 0)
  for (const table of keyless)
    notes.push(`${table.name} has no primary key, which every model needs: left out`)
  const keyed = tables.filter((table) => table.primaryKey.length > 0)
  const pivots = keyed.filter((table) => isPivot(table, keyed))
  const modelTables = keyed.filter((table) => !pivots.includes(table))
  const names = new Map(modelTables.map((table) => [table.name, modelName(table.name)]))
  const models = new Map<string, PulledModel>()
  for (const table of modelTables) models.set(table.name, readModel(table, names))
  for (const table of modelTables) addForeignKeys(table, models, names)
  for (const pivot of pivots) {
    addPivot(pivot, models)
    notes.push(`${pivot.name} is a pivot: it became manyToMany relationships, not a model`)
  }
  return { name: moduleName, models: [...models.values()], notes }
}

/** `blog_posts` → `blog_post`: models are singular, tables often plural. */
function modelName(table: string): string {
  const words = table.split("_")
  words[words.length - 1] = pluralize.singular(words[words.length - 1])
  return words.join("_")
}

function isPivot(table: IntrospectedTable, all: readonly IntrospectedTable[]): boolean {
  if (table.columns.length !== 2 || table.primaryKey.length !== 2 || table.foreignKeys.length !== 2)
    return false
  const targets = table.foreignKeys.map((key) => key.referencedTable)
  return (
    table.foreignKeys.every((key) => key.columns.length === 1) &&
    targets.every((target) => target !== table.name && all.some((other) => other.name === target))
  )
}

function readModel(table: IntrospectedTable, names: ReadonlyMap<string, string>): PulledModel {
  const name = names.get(table.name)!
  const model: PulledModel = {
    name,
    constant: toPascalCase(name),
    table: table.name,
    fields: [],
    relations: [],
    notes: [],
  }
  const enums = new Map<string, string[]>()
  for (const check of table.checks) {
    const found = enumCheck(check.expression)
    if (found) enums.set(found.column, found.values)
    else
      model.notes.push(`check ${check.name} ${check.expression} is not kept: the DML has no checks but enums`)
  }
  const foreign = new Set(
    table.foreignKeys.flatMap((key) => (relationKey(table, key, names) ? key.columns : [])),
  )
  for (const column of table.columns) {
    if ((IMPLICIT_COLUMNS as readonly string[]).includes(column.name) || foreign.has(column.name)) continue
    const field = columnField(column, enums.get(column.name))
    field.primaryKey = table.primaryKey.includes(column.name)
    if (field.primaryKey && field.type === "text" && table.primaryKey.length === 1) field.type = "id"
    const index = table.indexes.find((i) => i.columns.length === 1 && i.columns[0] === column.name)
    if (index?.unique) field.unique = index.name
    else if (index) field.index = index.name
    model.fields.push(field)
  }
  const missing = IMPLICIT_COLUMNS.filter((name) => !table.columns.some((column) => column.name === name))
  if (missing.length) {
    model.notes.push(
      `every model has created_at, updated_at and deleted_at: db:generate adds ${missing.join(", ")}`,
    )
  }
  return model
}

/**
 * A key the DML can say as a belongsTo: one column named `<name>_id`, outside the primary key (a
 * belongsTo column cannot be one), to a table of the same module.
 */
function relationKey(
  table: IntrospectedTable,
  key: IntrospectedTable["foreignKeys"][number],
  names: ReadonlyMap<string, string>,
): boolean {
  return (
    key.columns.length === 1 &&
    key.columns[0].endsWith("_id") &&
    !table.primaryKey.includes(key.columns[0]) &&
    names.has(key.referencedTable)
  )
}

function addForeignKeys(
  table: IntrospectedTable,
  models: ReadonlyMap<string, PulledModel>,
  names: ReadonlyMap<string, string>,
): void {
  const source = models.get(table.name)!
  for (const key of table.foreignKeys) {
    if (!relationKey(table, key, names)) {
      source.notes.push(
        `foreign key ${key.name} (${key.columns.join(", ")}) → ${key.referencedTable} is not a relationship: its columns stay plain fields`,
      )
      continue
    }
    const column = key.columns[0]
    const target = models.get(key.referencedTable)!
    const name = column.slice(0, -"_id".length)
    const back = freeName(target, plural(source.name))
    const nullable = table.columns.find((c) => c.name === column)?.nullable ?? false
    source.relations.push({
      name,
      kind: "belongsTo",
      target: target.name,
      nullable,
      options: { mappedBy: back },
    })
    target.relations.push({
      name: back,
      kind: "hasMany",
      target: source.name,
      nullable: false,
      options: { mappedBy: name },
    })
  }
}

function addPivot(pivot: IntrospectedTable, models: ReadonlyMap<string, PulledModel>): void {
  const [a, b] = pivot.foreignKeys
  const left = models.get(a.referencedTable)!
  const right = models.get(b.referencedTable)!
  const leftName = freeName(left, plural(right.name))
  const rightName = freeName(right, plural(left.name))
  const relation = (
    name: string,
    target: PulledModel,
    mappedBy: string,
    join: string,
    inverse: string,
  ): PulledRelation => ({
    name,
    kind: "manyToMany",
    target: target.name,
    nullable: false,
    options: { mappedBy, pivotTable: pivot.name, joinColumn: join, inverseJoinColumn: inverse },
  })
  left.relations.push(relation(leftName, right, rightName, a.columns[0], b.columns[0]))
  right.relations.push(relation(rightName, left, leftName, b.columns[0], a.columns[0]))
}

/** `comments`, or `comments_2` when the model already has a field of that name. */
function freeName(model: PulledModel, wanted: string): string {
  const taken = (name: string) =>
    model.fields.some((f) => f.name === name) || model.relations.some((r) => r.name === name)
  let name = wanted
  for (let n = 2; taken(name); n++) name = `${wanted}_${n}`
  return name
}
