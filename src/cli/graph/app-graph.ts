import type { App } from "../../app/index.ts"
import type { Entity } from "../../schema/index.ts"
import type { LinkSummary } from "../links/link-summary.ts"
import { loadLinkSummaries } from "../links/load-link-summaries.ts"

/** A model as the graph draws it: a box inside its module's group. */
export interface GraphModel {
  /** Query entity name (`product_variant`). */
  name: string
  module: string
  table: string
  fields: string[]
}

/** A relationship inside one module, drawn apart from links: one edge per pair of models. */
export interface GraphRelationship {
  module: string
  source: string
  target: string
  /** The field on each side: `post.comments` and `comment.post`. */
  fields: string[]
  /** `1:N`: one source record has many targets. */
  cardinality: string
}

/** A link between two models, with everything `modlink links` shows about it. */
export interface GraphLink extends LinkSummary {
  left: { module: string; model: string }
  right: { module: string; model: string }
}

/** The whole app as one picture: modules grouping their models, relationships, links. */
export interface AppGraph {
  modules: { name: string; database: string; models: GraphModel[] }[]
  relationships: GraphRelationship[]
  links: GraphLink[]
}

function relationshipsOf(models: readonly Entity[]): GraphRelationship[] {
  const byPair = new Map<string, GraphRelationship>()
  for (const entity of models) {
    for (const edge of entity.edges.values()) {
      if (edge.kind !== "relation") continue
      const pair = [edge.source, edge.target].sort().join("|")
      const known = byPair.get(pair)
      if (known) {
        known.fields.push(`${edge.source}.${edge.name}`)
        // The list side tells which end is "many"; a pair seen first from its single side is
        // flipped, and lists both ways are many-to-many.
        if (edge.isList && known.cardinality === "1:1") {
          Object.assign(known, { source: edge.source, target: edge.target, cardinality: "1:N" })
        } else if (edge.isList && known.cardinality === "1:N" && known.source !== edge.source) {
          known.cardinality = "N:N"
        }
        continue
      }
      byPair.set(pair, {
        module: entity.module,
        source: edge.source,
        target: edge.target,
        fields: [`${edge.source}.${edge.name}`],
        cardinality: edge.isList ? "1:N" : "1:1",
      })
    }
  }
  return [...byPair.values()]
}

/** Reads the app's modules, relationships and links (with live row counts, in one statement). */
export async function loadAppGraph(app: App): Promise<AppGraph> {
  const entities = [...app.graph.entities.values()]
  const summaries = await loadLinkSummaries(app)
  return {
    modules: app.modules.map(({ definition }) => ({
      name: definition.name,
      database: app.placement.get(definition.name) ?? "main",
      models: entities
        .filter((e) => e.kind === "model" && e.module === definition.name)
        .map((e) => ({ name: e.name, module: e.module, table: e.table, fields: [...e.fields.keys()] })),
    })),
    relationships: relationshipsOf(entities.filter((e) => e.kind === "model")),
    links: app.links.map((link, i) => ({
      ...summaries[i],
      left: { module: link.left.module, model: link.left.model },
      right: { module: link.right.module, model: link.right.model },
    })),
  }
}
