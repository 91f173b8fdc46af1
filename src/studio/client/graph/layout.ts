import { Graph, layout } from "@dagrejs/dagre"
import type { AppGraph, GraphLink, GraphRelationship } from "../../../cli/graph/app-graph.ts"
import { linkLabelLines } from "../../../cli/graph/link-label.ts"

/** Labels are drawn in a monospace font, so their size is known from their text alone. */
export const CHAR_WIDTH = 7.2
export const LINE_HEIGHT = 15

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedModel extends Box {
  name: string
  module: string
  table: string
}

export interface PlacedEdge {
  kind: "link" | "relationship"
  points: { x: number; y: number }[]
  label: Box & { lines: string[] }
  link?: GraphLink
  relationship?: GraphRelationship
}

export interface GraphLayout {
  modules: (Box & { name: string })[]
  models: PlacedModel[]
  edges: PlacedEdge[]
  width: number
  height: number
}

const textBox = (lines: string[]) => ({
  width: Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH + 12,
  height: lines.length * LINE_HEIGHT + 6,
})

export function relationshipLines(r: GraphRelationship): string[] {
  return [`${r.cardinality} ${r.fields.map((f) => f.split(".")[1]).join(" / ")}`]
}

/**
 * Lays the graph out top to bottom with dagre: modules are compound nodes (groups) holding
 * their models, relationships and links are edges whose labels get space of their own.
 */
export function layoutGraph(graph: AppGraph): GraphLayout {
  const g = new Graph({ compound: true, multigraph: true })
  g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 56, edgesep: 12, marginx: 24, marginy: 24 })
  g.setDefaultEdgeLabel(() => ({}))
  const nodeId = (module: string, model: string) => `${module}.${model}`
  for (const module of graph.modules) {
    g.setNode(`module:${module.name}`, { label: module.name, paddingTop: 28 })
    for (const model of module.models) {
      const width = Math.max(model.name.length * 8.4, model.table.length * CHAR_WIDTH) + 28
      g.setNode(nodeId(module.name, model.name), { width, height: 46 })
      g.setParent(nodeId(module.name, model.name), `module:${module.name}`)
    }
  }
  graph.relationships.forEach((r, i) => {
    const size = textBox(relationshipLines(r))
    g.setEdge(nodeId(r.module, r.source), nodeId(r.module, r.target), { ...size, labelpos: "c" }, `rel${i}`)
  })
  graph.links.forEach((link, i) => {
    const size = textBox(linkLabelLines(link))
    g.setEdge(
      nodeId(link.left.module, link.left.model),
      nodeId(link.right.module, link.right.model),
      { ...size, labelpos: "c", minlen: 2 },
      `link${i}`,
    )
  })
  layout(g)
  const boxOf = (n: { x: number; y: number; width: number; height: number }) => ({
    x: n.x - n.width / 2,
    y: n.y - n.height / 2,
    width: n.width,
    height: n.height,
  })
  const modules = graph.modules.map((m) => ({ name: m.name, ...boxOf(g.node(`module:${m.name}`) as any) }))
  const models = graph.modules.flatMap((m) =>
    m.models.map((model) => ({
      name: model.name,
      module: m.name,
      table: model.table,
      ...boxOf(g.node(nodeId(m.name, model.name)) as any),
    })),
  )
  const edges: PlacedEdge[] = g.edges().map((e: { v: string; w: string; name?: string }) => {
    const placed = g.edge(e) as any
    const index = Number(e.name!.replace(/^\D+/, ""))
    const isLink = e.name!.startsWith("link")
    const lines = isLink ? linkLabelLines(graph.links[index]) : relationshipLines(graph.relationships[index])
    return {
      kind: isLink ? "link" : "relationship",
      points: placed.points,
      label: { lines, ...boxOf({ x: placed.x, y: placed.y, ...textBox(lines) }) },
      link: isLink ? graph.links[index] : undefined,
      relationship: isLink ? undefined : graph.relationships[index],
    }
  })
  const { width = 0, height = 0 } = g.graph() as { width?: number; height?: number }
  return { modules, models, edges, width, height }
}
