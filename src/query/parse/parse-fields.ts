import { ModlinkError, suggest } from "../../errors/index.ts"
import type { Edge, Entity, EntityField, SchemaGraph } from "../../schema/index.ts"

/** The requested fields as a tree of levels, before per-level options are attached. */
export interface FieldTree {
  entity: Entity
  path: string
  fields: Map<string, EntityField>
  children: Map<string, { edge: Edge; tree: FieldTree }>
}

/**
 * Reads field paths (`"*"`, `"title"`, `"post.*"`, `"variants.options.value"`) into a tree. Every
 * level gets its primary key, so records can be told apart and children attached to them; a
 * relation named alone (`"post"`) means all its fields, as `"post.*"`.
 */
export function parseFields(graph: SchemaGraph, root: Entity, fields: unknown): FieldTree {
  if (!Array.isArray(fields) || fields.length === 0) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `fields of the ${root.name} query must be a non-empty array of paths`,
      {
        hint: 'for example ["*"], ["id", "title", "post.*"]',
      },
    )
  }
  const tree = level(root, "")
  for (const path of fields) {
    if (typeof path !== "string" || path.trim() === "") {
      throw new ModlinkError(
        "INVALID_INPUT",
        `Invalid field path ${JSON.stringify(path)} in the ${root.name} query`,
        {
          hint: 'a field path is a string such as "title", "*" or "post.title"',
        },
      )
    }
    addPath(graph, tree, path.trim().split("."), path)
  }
  return tree
}

function level(entity: Entity, path: string): FieldTree {
  const fields = new Map<string, EntityField>()
  for (const key of entity.primaryKey) fields.set(key, fieldOf(entity, key))
  return { entity, path, fields, children: new Map() }
}

function fieldOf(entity: Entity, name: string): EntityField {
  const field = entity.fields.get(name)
  if (!field)
    throw new ModlinkError(
      "UNKNOWN_FIELD",
      `Primary key "${name}" of ${entity.name} is not one of its fields`,
    )
  return field
}

function addPath(graph: SchemaGraph, tree: FieldTree, segments: string[], whole: string): void {
  const [name, ...rest] = segments
  const { entity } = tree
  if (name === "*" && rest.length === 0) {
    for (const field of entity.fields.values()) tree.fields.set(field.name, field)
    return
  }
  const field = entity.fields.get(name)
  if (field && rest.length === 0) {
    tree.fields.set(name, field)
    return
  }
  const edge = entity.edges.get(name)
  if (!edge) {
    const candidates =
      rest.length === 0 ? ["*", ...entity.fields.keys(), ...entity.edges.keys()] : [...entity.edges.keys()]
    const noun = rest.length === 0 ? `fields of ${entity.name}` : `relations of ${entity.name}`
    throw new ModlinkError(
      "UNKNOWN_FIELD",
      `Unknown ${field ? "relation" : "field"} "${name}" of ${entity.name} in "${whole}"`,
      {
        hint: field
          ? `"${name}" is a scalar field and has no fields of its own; ${suggest(name, candidates, noun)}`
          : suggest(name, candidates, noun),
        details: { entity: entity.name, field: name },
      },
    )
  }
  let child = tree.children.get(name)
  if (!child) {
    const target = graph.entity(edge.target)
    child = { edge, tree: level(target, tree.path ? `${tree.path}.${name}` : name) }
    tree.children.set(name, child)
  }
  addPath(graph, child.tree, rest.length === 0 ? ["*"] : rest, whole)
}
