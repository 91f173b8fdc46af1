import { isPlainObject } from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { Edge, Entity, SchemaGraph } from "../../schema/index.ts"
import { describeValue } from "./filter-value.ts"
import type { OrderTerm } from "./selection.ts"

/**
 * Reads `{ title: "ASC" }`, `{ post: { title: "desc" } }` and `{ "post.title": "DESC" }` into sort
 * keys, in the order the keys were written. Only single-valued edges can be walked: a list has no
 * one value to sort its parent by.
 */
export function parseOrder(graph: SchemaGraph, entity: Entity, input: unknown, where: string): OrderTerm[] {
  const terms: OrderTerm[] = []
  collect(graph, entity, input, [], where, terms)
  return terms
}

function collect(
  graph: SchemaGraph,
  entity: Entity,
  input: unknown,
  edges: Edge[],
  where: string,
  terms: OrderTerm[],
): void {
  if (!isPlainObject(input)) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `${where} must be an object such as { title: "ASC" }, got ${describeValue(input)}`,
    )
  }
  for (const [key, value] of Object.entries(input)) {
    const segments = key.split(".")
    let current = entity
    const path = [...edges]
    for (const segment of isPlainObject(value) ? segments : segments.slice(0, -1)) {
      const edge = current.edges.get(segment)
      if (!edge) {
        throw new ModlinkError(
          "UNKNOWN_FIELD",
          `Unknown relation "${segment}" of ${current.name} in ${where}`,
          {
            hint: suggest(segment, current.edges.keys(), `relations of ${current.name}`),
            details: { entity: current.name, field: segment },
          },
        )
      }
      if (edge.isList) {
        throw new ModlinkError(
          "INVALID_INPUT",
          `Cannot order by "${key}" in ${where}: "${segment}" of ${current.name} is a list`,
          {
            hint: "order by fields of single-valued relations only; to sort the list itself use nested: { <path>: { order } }",
          },
        )
      }
      path.push(edge)
      current = graph.entity(edge.target)
    }
    if (isPlainObject(value)) {
      collect(graph, current, value, path, where, terms)
      continue
    }
    const name = segments[segments.length - 1]
    const field = current.fields.get(name)
    if (!field) {
      throw new ModlinkError("UNKNOWN_FIELD", `Unknown field "${name}" of ${current.name} in ${where}`, {
        hint: suggest(name, current.fields.keys(), `fields of ${current.name}`),
        details: { entity: current.name, field: name },
      })
    }
    const direction = typeof value === "string" ? value.toUpperCase() : undefined
    if (direction !== "ASC" && direction !== "DESC") {
      throw new ModlinkError(
        "INVALID_INPUT",
        `Invalid direction for "${key}" in ${where}: ${describeValue(value)}`,
        {
          hint: 'use "ASC" or "DESC"',
        },
      )
    }
    terms.push({ edges: path, field, direction })
  }
}
