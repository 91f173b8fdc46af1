import type { App } from "../../app/index.ts"
import { type AppGraph, loadAppGraph } from "../../cli/graph/app-graph.ts"
import type { FieldType } from "../../dml/field-type.ts"
import type { Entity } from "../../schema/index.ts"

/** An entity as the browser needs it to build tables, filters, record pages and completion. */
export interface EntityView {
  name: string
  kind: "model" | "link"
  module: string
  /** The field that names one record: the primary key of a model, `id` of a link row. */
  key: string
  fields: { name: string; type: FieldType; nullable: boolean; enumValues?: readonly string[] }[]
  edges: {
    name: string
    target: string
    isList: boolean
    kind: "relation" | "link" | "readonly-link"
    /** Entry point of the link whose table this edge goes through: pairs are created and dismissed there. */
    link?: string
  }[]
}

/** `GET /api/schema`: the graph and every entity; names and shapes only, never a connection string. */
export interface SchemaView {
  project: string
  write: boolean
  graph: AppGraph
  entities: EntityView[]
}

function entityView(entity: Entity): EntityView {
  return {
    name: entity.name,
    kind: entity.kind,
    module: entity.module,
    key: entity.kind === "link" ? "id" : entity.primaryKey[0],
    fields: [...entity.fields.values()].map((f) => ({
      name: f.name,
      type: f.type,
      nullable: f.nullable,
      enumValues: f.enumValues,
    })),
    edges: [...entity.edges.values()].map((e) => ({
      name: e.name,
      target: e.target,
      isList: e.isList,
      kind: e.kind,
      link: e.through?.link,
    })),
  }
}

export async function schemaView(app: App, write: boolean): Promise<SchemaView> {
  return {
    project: app.cwd.split(/[\\/]/).pop() ?? "",
    write,
    graph: await loadAppGraph(app),
    entities: [...app.graph.entities.values()].map(entityView),
  }
}
