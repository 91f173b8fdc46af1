import { isPlainObject } from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { Entity, EntityField, SchemaGraph } from "../../schema/index.ts"
import type { FilterNode } from "./filter-node.ts"
import { describeValue, filterValue, invalidFilter } from "./filter-value.ts"
import { isOperator, OPERATORS_BY_TYPE, type Operator } from "./operators.ts"

const FILTER_SHAPES =
  'a filter is an object of field conditions: { title: "x" }, { id: ["a", "b"] }, { price: { $gte: 10 } }, ' +
  '{ $or: [{…}, {…}] }, or a relation name with a filter on its target: { post: { title: { $ilike: "%x%" } } }'

/**
 * Turns a user filter object into a validated tree for `entity`. Every name is checked against the
 * schema and every value against its field type, so nothing unknown ever reaches SQL.
 */
export function parseFilter(
  graph: SchemaGraph,
  entity: Entity,
  input: unknown,
  where = "filters",
): FilterNode {
  if (!isPlainObject(input)) {
    throw new ModlinkError(
      "INVALID_FILTER",
      `${where} of ${entity.name} must be an object, got ${describeValue(input)}`,
      {
        hint: FILTER_SHAPES,
      },
    )
  }
  const items: FilterNode[] = []
  for (const [key, value] of Object.entries(input)) {
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(value)) {
        throw new ModlinkError(
          "INVALID_FILTER",
          `${key} in ${where} of ${entity.name} must be an array of filter objects`,
          {
            hint: `got ${describeValue(value)}; write { ${key}: [{ … }, { … }] }`,
          },
        )
      }
      const kind = key === "$and" ? "and" : "or"
      items.push({ kind, items: value.map((item) => parseFilter(graph, entity, item, `${where}.${key}`)) })
      continue
    }
    if (key.startsWith("$")) {
      throw new ModlinkError(
        "INVALID_FILTER",
        `Unknown filter combinator "${key}" in ${where} of ${entity.name}`,
        {
          hint: "only $and and $or combine filters; operators such as $gt go inside a field: { price: { $gt: 1 } }",
        },
      )
    }
    const field = entity.fields.get(key)
    if (field) {
      items.push(parseCondition(entity, field, value))
      continue
    }
    const edge = entity.edges.get(key)
    if (edge) {
      if (!isPlainObject(value)) {
        throw new ModlinkError(
          "INVALID_FILTER",
          `Filter on relation "${key}" of ${entity.name} must be an object`,
          {
            hint: `got ${describeValue(value)}; filter the related ${edge.target} by its fields: { ${key}: { id: "…" } }`,
          },
        )
      }
      const target = graph.entity(edge.target)
      items.push({
        kind: "related",
        edge,
        target,
        filter: parseFilter(graph, target, value, `${where}.${key}`),
      })
      continue
    }
    throw new ModlinkError("UNKNOWN_FIELD", `Unknown field "${key}" of ${entity.name} in ${where}`, {
      hint: suggest(key, [...entity.fields.keys(), ...entity.edges.keys()], `fields of ${entity.name}`),
      details: { entity: entity.name, field: key },
    })
  }
  return items.length === 1 ? items[0] : { kind: "and", items }
}

/** The condition on one field: a value, `null`, a list, or an object of operators. */
function parseCondition(entity: Entity, field: EntityField, value: unknown): FilterNode {
  if (value === undefined) {
    throw invalidFilter(
      entity,
      field.name,
      "the value is undefined",
      "leave the key out to not filter on it, or pass null for IS NULL",
    )
  }
  if (value === null) return { kind: "compare", field, op: "$eq", value: null }
  if (Array.isArray(value)) return compare(entity, field, field.type === "array" ? "$eq" : "$in", value)
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
    if (keys.length === 0) {
      throw invalidFilter(entity, field.name, "the operator object is empty", operatorHint(field))
    }
    if (field.type === "json" && !keys.some((key) => key.startsWith("$")))
      return compare(entity, field, "$contains", value)
    const items = keys.map((key) => {
      if (!isOperator(key))
        throw invalidFilter(entity, field.name, `unknown operator "${key}"`, operatorHint(field))
      return compare(entity, field, key, value[key])
    })
    return items.length === 1 ? items[0] : { kind: "and", items }
  }
  if (typeof value === "object" && !(value instanceof Date)) {
    throw invalidFilter(entity, field.name, `${describeValue(value)} is not a value`, operatorHint(field))
  }
  return compare(entity, field, "$eq", value)
}

function compare(entity: Entity, field: EntityField, op: Operator, value: unknown): FilterNode {
  if (!OPERATORS_BY_TYPE[field.type].includes(op)) {
    throw invalidFilter(
      entity,
      field.name,
      `${op} does not apply to ${field.type} fields`,
      operatorHint(field),
    )
  }
  if (op === "$in" || op === "$nin") {
    if (!Array.isArray(value)) {
      throw invalidFilter(
        entity,
        field.name,
        `${op} expects an array, got ${describeValue(value)}`,
        `write { ${field.name}: { ${op}: [a, b] } }`,
      )
    }
    // Null inside a list means "or IS NULL"; compile splits it out because `= ANY` never matches null.
    return {
      kind: "compare",
      field,
      op,
      value: value.map((item) => (item === null ? null : filterValue(entity, field, op, item))),
    }
  }
  if (value === null) {
    if (op === "$eq" || op === "$ne") return { kind: "compare", field, op, value: null }
    throw invalidFilter(
      entity,
      field.name,
      `${op} does not take null`,
      "use { $eq: null } or { $ne: null } to test for a missing value",
    )
  }
  if (
    op !== "$contains" &&
    op !== "$eq" &&
    op !== "$ne" &&
    typeof value === "object" &&
    !(value instanceof Date)
  ) {
    throw invalidFilter(
      entity,
      field.name,
      `${op} expects a single value, got ${describeValue(value)}`,
      operatorHint(field),
    )
  }
  return { kind: "compare", field, op, value: filterValue(entity, field, op, value) }
}

function operatorHint(field: EntityField): string {
  const ops = OPERATORS_BY_TYPE[field.type].filter((op) => op !== "$contains")
  const contains = field.type === "json" ? ", or a plain object the stored document must contain" : ""
  return `operators for ${field.type} fields: ${ops.join(", ")}${contains}`
}
