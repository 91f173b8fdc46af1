import { isPlainObject } from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { Entity, SchemaGraph } from "../../schema/index.ts"
import type { GraphInput } from "../query-input.ts"
import type { FilterNode } from "./filter-node.ts"
import { describeValue } from "./filter-value.ts"
import { type FieldTree, parseFields } from "./parse-fields.ts"
import { parseFilter } from "./parse-filter.ts"
import { parseOrder } from "./parse-order.ts"
import { parseCount } from "./parse-pagination.ts"
import type { OrderTerm, ParsedQuery, Selection } from "./selection.ts"

/** Options of one level: the root's pagination, or a `nested` entry. */
interface LevelOptions {
  filter?: FilterNode
  order: OrderTerm[]
  skip?: number
  take?: number
}

/**
 * The parse stage: checks a `graph` input against the schema and returns the selection tree. All
 * user mistakes surface here, before any SQL is built.
 */
export function parseQuery(graph: SchemaGraph, input: GraphInput): ParsedQuery {
  if (!isPlainObject(input))
    throw new ModlinkError("INVALID_INPUT", `A query must be an object, got ${describeValue(input)}`)
  if (typeof input.entity !== "string") {
    throw new ModlinkError(
      "INVALID_INPUT",
      `The query's entity must be a name, got ${describeValue(input.entity)}`,
      {
        hint: suggest("", graph.entities.keys(), "entities"),
      },
    )
  }
  const entity = graph.entity(input.entity)
  const tree = parseFields(graph, entity, input.fields)
  if (input.withDeleted !== undefined && typeof input.withDeleted !== "boolean") {
    throw new ModlinkError(
      "INVALID_INPUT",
      `withDeleted must be true or false, got ${describeValue(input.withDeleted)}`,
    )
  }

  const pagination = optionalObject(input.pagination, "pagination", ["skip", "take", "order"])
  const root: LevelOptions = {
    filter: input.filters === undefined ? undefined : parseFilter(graph, entity, input.filters),
    order:
      pagination.order === undefined ? [] : parseOrder(graph, entity, pagination.order, "pagination.order"),
    skip: parseCount(pagination.skip, "skip", "pagination"),
    take: parseCount(pagination.take, "take", "pagination"),
  }
  const paginated = root.skip !== undefined || root.take !== undefined
  const options = new Map<string, LevelOptions>([["", root]])
  for (const [path, value] of Object.entries(optionalObject(input.nested, "nested", undefined))) {
    options.set(path, nestedOptions(graph, tree, path, value))
  }
  return {
    root: selection(tree, options),
    withDeleted: input.withDeleted ?? false,
    page: paginated ? { skip: root.skip ?? 0, take: root.take } : undefined,
  }
}

function optionalObject(
  value: unknown,
  where: string,
  keys: readonly string[] | undefined,
): Record<string, unknown> {
  if (value === undefined) return {}
  if (!isPlainObject(value))
    throw new ModlinkError("INVALID_INPUT", `${where} must be an object, got ${describeValue(value)}`)
  for (const key of Object.keys(value)) {
    if (keys && !keys.includes(key)) {
      throw new ModlinkError("INVALID_INPUT", `Unknown option "${key}" in ${where}`, {
        hint: suggest(key, keys, "options"),
      })
    }
  }
  return value
}

function nestedOptions(graph: SchemaGraph, tree: FieldTree, path: string, value: unknown): LevelOptions {
  const where = `nested["${path}"]`
  let level = tree
  let isList = false
  for (const segment of path.split(".")) {
    const child = level.children.get(segment)
    if (!child) {
      throw new ModlinkError("INVALID_INPUT", `${where} names a relation that fields do not select`, {
        hint: suggest(path, selectedPaths(tree), "selected relations"),
      })
    }
    level = child.tree
    isList = child.edge.isList
  }
  const raw = optionalObject(value, where, ["skip", "take", "order", "filters"])
  const options: LevelOptions = {
    filter:
      raw.filters === undefined
        ? undefined
        : parseFilter(graph, level.entity, raw.filters, `${where}.filters`),
    order: raw.order === undefined ? [] : parseOrder(graph, level.entity, raw.order, `${where}.order`),
    skip: parseCount(raw.skip, "skip", where),
    take: parseCount(raw.take, "take", where),
  }
  if (!isList && (options.order.length > 0 || options.skip !== undefined || options.take !== undefined)) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `${where}: "${path}" is a single record, it cannot be ordered or paginated`,
      {
        hint: "only filters apply to a single-valued relation",
      },
    )
  }
  return options
}

function selectedPaths(tree: FieldTree): string[] {
  return [...tree.children.values()].flatMap(({ tree: child }) => [child.path, ...selectedPaths(child)])
}

function selection(tree: FieldTree, options: ReadonlyMap<string, LevelOptions>): Selection {
  const own = options.get(tree.path)
  const sorted =
    own !== undefined && (own.order.length > 0 || own.skip !== undefined || own.take !== undefined)
  return {
    entity: tree.entity,
    path: tree.path,
    fields: [...tree.fields.values()],
    children: [...tree.children.values()].map(({ edge, tree: child }) => ({
      edge,
      selection: selection(child, options),
    })),
    filter: own?.filter,
    order: sorted ? withTiebreaker(tree.entity, own.order) : [],
    skip: own?.skip,
    take: own?.take,
  }
}

/** Sorting ends on the primary key, so equal sort values never make pages overlap or skip rows. */
function withTiebreaker(entity: Entity, order: readonly OrderTerm[]): OrderTerm[] {
  const terms = [...order]
  for (const key of entity.primaryKey) {
    if (!terms.some((term) => term.edges.length === 0 && term.field.name === key)) {
      terms.push({ edges: [], field: entity.fields.get(key)!, direction: "ASC" })
    }
  }
  return terms
}
