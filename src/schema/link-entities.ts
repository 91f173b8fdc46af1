import type { FieldType } from "../dml/field-type.ts"
import { ModlinkError } from "../errors/index.ts"
import type { ResolvedExtraColumn, ResolvedLink, ResolvedTableLink } from "../link/index.ts"
import type { Edge } from "./edge.ts"
import type { Entity, EntityField } from "./entity.ts"

/** The database key link tables live on. */
export const MAIN_DATABASE = "main"

function fieldTypeOf(column: ResolvedExtraColumn): FieldType {
  const type = column.type.toLowerCase()
  if (column.options.type === "enum") return "enum"
  if (type.endsWith("[]")) return "array"
  if (type.startsWith("timestamp") || type === "date") return "dateTime"
  if (type === "integer" || type === "smallint" || type === "bigint") return "number"
  if (type.startsWith("numeric")) return "bigNumber"
  if (type === "real" || type === "double precision") return "float"
  if (type === "boolean") return "boolean"
  if (type === "jsonb" || type === "json") return "json"
  return "text"
}

function linkFields(link: ResolvedTableLink): Map<string, EntityField> {
  const fields = new Map<string, EntityField>()
  const add = (name: string, type: FieldType, nullable = false, enumValues?: readonly string[]) =>
    fields.set(name, { name, column: name, type, nullable, enumValues })
  add("id", "id")
  add(link.left.key, "id")
  add(link.right.key, "id")
  for (const column of link.extraColumns) {
    add(column.name, fieldTypeOf(column), column.nullable, column.options.options?.items)
  }
  add("created_at", "dateTime")
  add("updated_at", "dateTime")
  add("deleted_at", "dateTime", true)
  return fields
}

/** The link's own entity (queried by its entry point) with an edge to each side. */
function linkEntity(link: ResolvedTableLink): Entity {
  const side = (s: ResolvedTableLink["left"]): Edge => ({
    name: s.model,
    kind: "link",
    source: link.entryPoint,
    target: s.model,
    isList: false,
    sourceColumn: s.key,
    targetColumn: s.primaryKey,
  })
  const edges = new Map<string, Edge>([
    [link.left.model, side(link.left)],
    [link.right.model, side(link.right)],
  ])
  return {
    name: link.entryPoint,
    module: link.entryPoint,
    database: MAIN_DATABASE,
    table: link.table,
    primaryKey: [link.left.key, link.right.key],
    fields: linkFields(link),
    edges,
    softDelete: true,
    kind: "link",
  }
}

/**
 * The edges a link adds to the models it joins: `product.post` / `post.product` through the link
 * table (plural when the other side is a list), and `product.post_link` to the link rows themselves
 * for their extra columns. A read-only link adds one direct edge on its left model.
 */
function sideEdges(link: ResolvedLink): Edge[] {
  const { left, right } = link
  if (link.readOnly) {
    return [
      {
        name: right.field,
        kind: "readonly-link",
        source: left.model,
        target: right.model,
        isList: right.isList,
        sourceColumn: left.key,
        targetColumn: right.primaryKey,
      },
    ]
  }
  const through = (from: typeof left, to: typeof left): Edge => ({
    name: to.field,
    kind: "link",
    source: from.model,
    target: to.model,
    isList: to.isList,
    sourceColumn: from.primaryKey,
    targetColumn: to.primaryKey,
    through: {
      table: link.table,
      database: MAIN_DATABASE,
      sourceColumn: from.key,
      targetColumn: to.key,
      softDelete: true,
      link: link.entryPoint,
    },
  })
  const rows = (from: typeof left, to: typeof left): Edge => ({
    name: `${to.model}_link`,
    kind: "link",
    source: from.model,
    target: link.entryPoint,
    isList: to.isList,
    sourceColumn: from.primaryKey,
    targetColumn: from.key,
  })
  return [through(left, right), through(right, left), rows(left, right), rows(right, left)]
}

/**
 * Adds every link to the model entities. A field name already taken on a model (two links adding
 * the same name, as a link defined in both directions does) keeps its first owner; the later link
 * stays reachable through its own entry point, and a warning says so.
 */
export function addLinks(
  entities: Map<string, Entity>,
  links: readonly ResolvedLink[],
  warnings: string[],
): void {
  for (const link of links) {
    if (!link.readOnly) {
      const taken = entities.get(link.entryPoint)
      if (taken) {
        throw new ModlinkError(
          "INVALID_LINK",
          `Link ${link.file} has the entry point "${link.entryPoint}", already used by ${taken.kind === "link" ? "another link" : `model ${taken.name}`}`,
          {
            hint: "entry points are `<left model>_<right model>`; link models whose names differ, or rename one model",
          },
        )
      }
      entities.set(link.entryPoint, linkEntity(link))
    }
    for (const edge of sideEdges(link)) {
      const source = entities.get(edge.source)
      if (!source) continue
      const edges = source.edges as Map<string, Edge>
      if (edges.has(edge.name) || source.fields.has(edge.name)) {
        warnings.push(
          `${link.file}: field "${edge.name}" already exists on ${edge.source}; query this link through its entry point "${link.entryPoint}"`,
        )
        continue
      }
      edges.set(edge.name, edge)
    }
  }
}
