import type { Database } from "../db/database.ts"
import { linkTableSchema } from "../link/link-table.ts"
import {
  cardinalityOf,
  describeLink,
  type LinkDescriptor,
  type ResolvedLink,
  type ResolvedTableLink,
} from "../link/resolved-link.ts"
import { readForeignLinkTables } from "./catalog/foreign-links.ts"
import { type IntrospectedSchema, type IntrospectedTable, introspectSchema } from "./catalog/introspect.ts"
import {
  type RecordedLink,
  type RegistryRow,
  readLinkRegistry,
  recordedLink,
} from "./catalog/link-registry.ts"
import { countViolations } from "./count-violations.ts"
import * as ddl from "./ddl.ts"
import { diffTables, type SchemaChange } from "./diff-tables.ts"
import type { LinkAction, LinkActionKind, LinkPlan, PlannedChange } from "./link-plan.ts"

/** A model of a loaded module, by module name and snake model name. */
export interface ModelRef {
  module: string
  model: string
}

/** Every model of the given modules, for `PlanOptions.models`. */
export function modelRefs(
  modules: readonly { name: string; models: readonly { snakeName: string }[] }[],
): ModelRef[] {
  return modules.flatMap((module) =>
    module.models.map((model) => ({ module: module.name, model: model.snakeName })),
  )
}

export interface PlanOptions {
  /**
   * Every model of the loaded modules. A module or model rename is only offered when the old one
   * is absent from this list: a recorded link whose model still exists was not renamed, and
   * taking it for one would move another model's ids. Without the list, no such rename is guessed.
   */
  models?: readonly ModelRef[]
}

interface Context {
  db: Database
  actual: IntrospectedSchema
  models?: readonly ModelRef[]
}

/**
 * Compares the link definitions with the registry and the tables as they are, and says what sync
 * would do to each link. Only reads: a database that was never synced simply has no registry,
 * so every link is new.
 */
export async function planLinkSync(
  db: Database,
  links: readonly ResolvedLink[],
  options: PlanOptions = {},
): Promise<LinkPlan> {
  const tableLinks = links.filter((link): link is ResolvedTableLink => !link.readOnly)
  const registry = await readLinkRegistry(db)
  const tables = [...tableLinks.map((link) => link.table), ...registry.map((row) => row.table)]
  const ctx: Context = { db, actual: await introspectSchema(db, { tables }), models: options.models }
  const unclaimed = new Map(registry.map((row) => [row.table, row]))
  for (const link of tableLinks) unclaimed.delete(link.table)
  const recorded = new Map(registry.map((row) => [row.table, row]))
  const actions: LinkAction[] = []
  for (const link of tableLinks) {
    const row = recorded.get(link.table)
    if (row) {
      actions.push(await existingLinkAction(ctx, link, row))
      continue
    }
    const renamed = renameCandidate(ctx, link, [...unclaimed.values()])
    if (renamed) {
      unclaimed.delete(renamed.table)
      actions.push(await renameAction(ctx, link, renamed))
    } else {
      actions.push(await createAction(ctx, link))
    }
  }
  for (const row of unclaimed.values()) actions.push(await deleteAction(ctx, row))
  const foreignTables = await readForeignLinkTables(db, [...tables])
  return foreignTables.length ? { actions, foreignTables } : { actions }
}

async function existingLinkAction(
  ctx: Context,
  link: ResolvedTableLink,
  row: RegistryRow,
): Promise<LinkAction> {
  const table = ctx.actual.tables.get(link.table)
  if (!table) return createAction(ctx, link, "the table was missing")
  const changes = await evolve(ctx, link, table, row.definition)
  if (!sameDescriptor(row.descriptor, link.descriptor)) {
    return action(link, "rename", changes, {
      previous: row,
      label: `rename from ${describeLink(row.descriptor)}, table kept`,
    })
  }
  const recordOnly = changes.length === 0 && !sameJson(row.definition, recordedLink(link))
  if (changes.length === 0 && !recordOnly) return action(link, "noop", [])
  const label = recordOnly ? { label: "update (definition recorded)" } : {}
  return action(link, "update", changes, { ...label, recorded: row })
}

async function renameAction(ctx: Context, link: ResolvedTableLink, row: RegistryRow): Promise<LinkAction> {
  const table = ctx.actual.tables.get(row.table)!
  const changes = await evolve(ctx, link, table, row.definition)
  return action(link, "rename", changes, {
    previous: row,
    label: `rename from ${describeLink(row.descriptor)} (${row.table})`,
  })
}

async function createAction(ctx: Context, link: ResolvedTableLink, note?: string): Promise<LinkAction> {
  const existing = ctx.actual.tables.get(link.table)
  if (existing) {
    // A table of that name that the registry does not know: adopt it, changing only what differs.
    const changes = await evolve(ctx, link, existing, undefined)
    return action(link, "create", changes, {
      adopting: true,
      label: changes.length
        ? "create (adopts the existing table)"
        : "create (adopts the existing table as it is)",
    })
  }
  const changes = await Promise.all(
    diffTables([linkTableSchema(link)], ctx.actual).map((change) => planned(change)),
  )
  return action(link, "create", changes, note ? { label: `create (${note})` } : {})
}

async function deleteAction(ctx: Context, row: RegistryRow): Promise<LinkAction> {
  const base = {
    table: row.table,
    descriptor: row.descriptor,
    changes: [] as PlannedChange[],
    warnings: [] as string[],
    notes: [] as string[],
  }
  const label = (text: string) => `${describeLink(row.descriptor)} (${row.table}): ${text}`
  if (!ctx.actual.tables.has(row.table)) {
    return { ...base, kind: "delete", safe: true, description: label("delete (the table is already gone)") }
  }
  const rows = (await countViolations(ctx.db, row.table, { kind: "empty" })) ?? 0
  return {
    ...base,
    kind: "delete",
    safe: false,
    description: label(`delete (${plural(rows, "row")})`),
    changes: [
      {
        description: `drop table ${row.table}`,
        statement: ddl.dropTable(row.table),
        risk: "destructive",
        safe: false,
      },
    ],
    warnings: rows > 0 ? [`${plural(rows, "link row")} in ${row.table} will be lost`] : [],
  }
}

/**
 * The changes that turn `source` (the table as it is) into the link's table: rename the table if
 * its name changed, rename key columns whose model was renamed (rows kept), then whatever the
 * table diff finds on the table as it will be after those renames.
 */
async function evolve(
  ctx: Context,
  link: ResolvedTableLink,
  source: IntrospectedTable,
  previous: RecordedLink | undefined,
): Promise<PlannedChange[]> {
  const renames = keyRenames(previous, link, source)
  const changes: PlannedChange[] = []
  if (source.name !== link.table) {
    changes.push({
      description: `rename table ${source.name} → ${link.table}`,
      statement: ddl.renameTable(source.name, link.table),
      risk: "safe",
      safe: true,
    })
  }
  for (const [from, to] of renames) {
    changes.push({
      description: `rename column ${from} → ${to}`,
      statement: ddl.renameColumn(link.table, from, to),
      risk: "safe",
      safe: true,
    })
  }
  const after = renamedTable(source, link.table, renames)
  const diff = diffTables([linkTableSchema(link)], {
    schema: ctx.actual.schema,
    tables: new Map([[link.table, after]]),
  })
  const currentNames = new Map([...renames].map(([from, to]) => [to, from]))
  for (const change of diff) changes.push(await planned(change, ctx, source.name, currentNames))
  return changes
}

/** Key columns named after a model that was renamed (`post_id` → `article_id`), when the table still has the old one. */
function keyRenames(
  previous: RecordedLink | undefined,
  link: ResolvedTableLink,
  table: IntrospectedTable,
): Map<string, string> {
  const renames = new Map<string, string>()
  if (!previous) return renames
  const has = (name: string) => table.columns.some((column) => column.name === name)
  for (const side of ["left", "right"] as const) {
    const from = previous[side].key
    const to = link[side].key
    if (from !== to && has(from) && !has(to)) renames.set(from, to)
  }
  return renames
}

/** The table as it will be once renamed: what the diff compares the desired shape with. */
function renamedTable(
  table: IntrospectedTable,
  name: string,
  renames: ReadonlyMap<string, string>,
): IntrospectedTable {
  const rename = (column: string) => renames.get(column) ?? column
  return {
    ...table,
    name,
    columns: table.columns.map((column) => ({ ...column, name: rename(column.name) })),
    primaryKey: table.primaryKey.map(rename),
    indexes: table.indexes.map((index) => ({ ...index, columns: index.columns.map(rename) })),
  }
}

async function planned(
  change: SchemaChange,
  ctx?: Context,
  currentTable?: string,
  currentNames?: ReadonlyMap<string, string>,
): Promise<PlannedChange> {
  const result: PlannedChange = {
    description: change.description,
    statement: change.statement,
    risk: change.risk,
    safe: change.risk === "safe",
  }
  if (change.condition) result.rule = change.condition.kind
  if (ctx && currentTable && change.condition) {
    const count = await countViolations(ctx.db, currentTable, change.condition, currentNames)
    if (count !== undefined) result.violatingRows = count
  }
  if (result.rule === "empty" && result.violatingRows === 0) result.safe = true
  return result
}

/**
 * A recorded link the new one may be a rename of, its table still there: the same two models (the
 * table name changed), or one side identical and the other with only its module or only its model
 * changed, that old model gone from the app. Ambiguity (several candidates with the same extra
 * columns) means no guess.
 */
function renameCandidate(
  ctx: Context,
  link: ResolvedTableLink,
  rows: RegistryRow[],
): RegistryRow | undefined {
  if (ctx.actual.tables.has(link.table)) return undefined
  const present = rows.filter((row) => ctx.actual.tables.has(row.table))
  // The same two models under another table name: `database.table` was added, changed or removed.
  const same = present.find((row) => sameDescriptor(row.descriptor, link.descriptor))
  if (same) return same
  const candidates = present.filter((row) => isRenameOf(row.descriptor, link.descriptor, ctx.models))
  if (candidates.length <= 1) return candidates[0]
  const columns = (extra: { name: string }[]) => extra.map((c) => c.name).join(",")
  const alike = candidates.filter(
    (row) => columns(row.definition.extraColumns) === columns(link.extraColumns),
  )
  return alike.length === 1 ? alike[0] : undefined
}

function isRenameOf(
  old: LinkDescriptor,
  now: LinkDescriptor,
  models: readonly ModelRef[] | undefined,
): boolean {
  const sides = [
    ["fromModule", "fromModel"],
    ["toModule", "toModel"],
  ] as const
  const same = ([module, model]: (typeof sides)[number]) =>
    old[module] === now[module] && old[model] === now[model]
  const oneChanged = ([module, model]: (typeof sides)[number]) =>
    (old[module] === now[module]) !== (old[model] === now[model])
  // Without the list of models nothing proves the old model is gone: no guess.
  const gone = ([module, model]: (typeof sides)[number]) =>
    models !== undefined && !models.some((ref) => ref.module === old[module] && ref.model === old[model])
  const [from, to] = sides
  return (same(from) && oneChanged(to) && gone(to)) || (same(to) && oneChanged(from) && gone(from))
}

function action(
  link: ResolvedTableLink,
  kind: Exclude<LinkActionKind, "delete">,
  changes: PlannedChange[],
  options: { previous?: RegistryRow; recorded?: RegistryRow; label?: string; adopting?: boolean } = {},
): LinkAction {
  const recorded = options.previous ?? options.recorded
  // Adopting a table another tool made for the same definition (Medusa's, which states the
  // cardinality but does not enforce it), a unique index no row breaks only enforces what the
  // definition already said: it runs without asking too.
  const graded = options.adopting
    ? changes.map((change) =>
        change.rule === "unique" && change.violatingRows === 0 ? { ...change, safe: true } : change,
      )
    : changes
  const safe = graded.every((change) => change.safe)
  const warnings = graded.flatMap((change) => {
    if (change.risk === "destructive") return [change.description]
    if (change.risk !== "may-fail") return []
    const rows =
      change.violatingRows === undefined ? "" : ` (${plural(change.violatingRows, "row")} violate it)`
    return [`${change.description}${rows}`]
  })
  const label = options.label ?? (kind === "update" && !safe ? "update (unsafe)" : kind)
  return {
    kind,
    safe,
    table: link.table,
    ...(options.previous
      ? { previousTable: options.previous.table, previousDescriptor: options.previous.descriptor }
      : {}),
    descriptor: link.descriptor,
    description: `${describeLink(link.descriptor)} (${link.table}): ${label}`,
    changes: graded,
    warnings,
    notes: recorded ? definitionNotes(recorded.definition, link) : [],
    link,
  }
}

/** What the definition changes beyond its statements, said the way the link file says it. */
function definitionNotes(previous: RecordedLink, link: ResolvedTableLink): string[] {
  const before = cardinalityOf(previous)
  const after = cardinalityOf(link)
  return before === after ? [] : [`cardinality ${before} → ${after}`]
}

function sameDescriptor(a: LinkDescriptor, b: LinkDescriptor): boolean {
  return (
    a.fromModule === b.fromModule &&
    a.fromModel === b.fromModel &&
    a.toModule === b.toModule &&
    a.toModel === b.toModel
  )
}

/** jsonb reorders object keys, so definitions are compared with sorted keys. */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b))
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`
}
