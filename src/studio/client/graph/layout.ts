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
  /** Where a label standing apart from its edge points to (relationship arcs: the arc's apex). */
  anchor?: { x: number; y: number }
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

type Point = { x: number; y: number }

const MODEL_HEIGHT = 46
const MODEL_GAP = 16
const MODULE_HEADER = 30
const PADDING = 14
/** Room left of a module's models for the arcs of its relationships, per arc. */
const ARC_STEP = 14

const textBox = (lines: string[]) => ({
  width: Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH + 12,
  height: lines.length * LINE_HEIGHT + 6,
})

/**
 * Above this many links the edges carry their cardinality and flags only (the table, columns and
 * rows are in the tooltip and the panel a click opens): 50 full labels take more room than the
 * models they join.
 */
const COMPACT_ABOVE = 12

function compactLinkLines(link: GraphLink): string[] {
  const flags = [link.cascade.length > 0 ? "cascade" : "", link.readOnly ? "read-only" : ""].filter(Boolean)
  return [[link.cardinality, ...flags].join(" ")]
}

export function relationshipLines(r: GraphRelationship, compact = false): string[] {
  return compact ? [r.cardinality] : [`${r.cardinality} ${r.fields.map((f) => f.split(".")[1]).join(" / ")}`]
}

interface ModuleFrame {
  name: string
  models: { name: string; table: string }[]
  /** Left gutter holding the relationship arcs and their labels. */
  gutter: number
  modelWidth: number
  width: number
  height: number
}

/** A module as one block: a gutter for its relationships, then its models stacked in a column. */
function moduleFrame(graph: AppGraph, module: AppGraph["modules"][number], compact: boolean): ModuleFrame {
  const relationships = graph.relationships.filter((r) => r.module === module.name)
  const labelWidth = Math.max(0, ...relationships.map((r) => textBox(relationshipLines(r, compact)).width))
  const gutter = relationships.length === 0 ? 0 : labelWidth + relationships.length * ARC_STEP + 8
  const modelWidth = Math.max(
    120,
    ...module.models.map((m) => Math.max(m.name.length * 8.4, m.table.length * CHAR_WIDTH) + 28),
  )
  const n = module.models.length
  return {
    name: module.name,
    models: module.models,
    gutter,
    modelWidth,
    width: PADDING * 2 + gutter + modelWidth,
    height: MODULE_HEADER + n * MODEL_HEIGHT + Math.max(0, n - 1) * MODEL_GAP + PADDING,
  }
}

/** A cubic curve sampled as a polyline: the SVG path and the overlap checks read plain points. */
function curve(a: Point, c1: Point, c2: Point, b: Point, steps = 12): Point[] {
  const points: Point[] = []
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const u = 1 - t
    points.push({
      x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
      y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
    })
  }
  return points
}

/**
 * Lays the graph out with dagre at the level of modules: each module is one block (its models
 * stacked in a column, its relationships as arcs in a gutter on the left), each link an edge
 * between two blocks whose label dagre gives room of its own, so no label lands on a model or on
 * another label, and edges bend around the blocks in between. Laying out models one by one as
 * children of module groups spread 50 links over 5,700 × 5,800 units (a 0.13 zoom to see it all)
 * and took seconds; blocks keep it compact and fast.
 */
export function layoutGraph(graph: AppGraph): GraphLayout {
  const compact = graph.links.length > COMPACT_ABOVE
  const labelOf = (link: GraphLink) => (compact ? compactLinkLines(link) : linkLabelLines(link))
  const frames = graph.modules.map((m) => moduleFrame(graph, m, compact))
  const g = new Graph({ multigraph: true })
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 50, edgesep: 10, marginx: 24, marginy: 24 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const frame of frames) g.setNode(frame.name, { width: frame.width, height: frame.height })
  graph.links.forEach((link, i) => {
    if (link.left.module === link.right.module) return
    const size = textBox(labelOf(link))
    g.setEdge(link.left.module, link.right.module, { ...size, labelpos: "c", minlen: 2 }, `link${i}`)
  })
  layout(g)

  const modules: GraphLayout["modules"] = []
  const models: PlacedModel[] = []
  const at = new Map<string, PlacedModel>()
  for (const frame of frames) {
    const node = g.node(frame.name) as unknown as Box
    const box = {
      x: node.x - frame.width / 2,
      y: node.y - frame.height / 2,
      width: frame.width,
      height: frame.height,
    }
    modules.push({ name: frame.name, ...box })
    frame.models.forEach((model, i) => {
      const placed = {
        name: model.name,
        module: frame.name,
        table: model.table,
        x: box.x + PADDING + frame.gutter,
        y: box.y + MODULE_HEADER + i * (MODEL_HEIGHT + MODEL_GAP),
        width: frame.modelWidth,
        height: MODEL_HEIGHT,
      }
      models.push(placed)
      at.set(`${frame.name}.${model.name}`, placed)
    })
  }

  const edges: PlacedEdge[] = []
  const placeLabel = (lines: string[], center: Point) => {
    const size = textBox(lines)
    return { lines, x: center.x - size.width / 2, y: center.y - size.height / 2, ...size }
  }
  graph.links.forEach((link, i) => {
    const from = at.get(`${link.left.module}.${link.left.model}`)!
    const to = at.get(`${link.right.module}.${link.right.model}`)!
    const lines = labelOf(link)
    if (link.left.module === link.right.module) {
      edges.push({ kind: "link", link, ...sideArc(from, to, 0, 1, lines) })
      return
    }
    const placed = g.edge({ v: link.left.module, w: link.right.module, name: `link${i}` }) as unknown as {
      points: Point[]
      x: number
      y: number
    }
    // dagre's points run from block to block; the ends move to the two models' facing sides.
    const inner = placed.points.slice(1, -1)
    const side = (model: PlacedModel, toward: Point): Point => ({
      x: toward.x >= model.x + model.width / 2 ? model.x + model.width : model.x,
      y: model.y + model.height / 2,
    })
    const start = side(from, inner[0] ?? to)
    const end = side(to, inner[inner.length - 1] ?? from)
    const out = (p: Point, model: PlacedModel) => ({ x: p.x + (p.x > model.x ? 24 : -24), y: p.y })
    edges.push({
      kind: "link",
      link,
      points: [start, out(start, from), ...inner, out(end, to), end],
      label: placeLabel(lines, { x: placed.x, y: placed.y }),
    })
  })

  // Relationships: arcs in the module's gutter, one lane each, labels stacked where they do not meet.
  for (const frame of frames) {
    const taken: Box[] = []
    const relationships = graph.relationships.filter((r) => r.module === frame.name)
    relationships.forEach((relationship, lane) => {
      const a = at.get(`${frame.name}.${relationship.source}`)!
      const b = at.get(`${frame.name}.${relationship.target}`)!
      const arc = sideArc(a, b, lane, relationships.length, relationshipLines(relationship, compact))
      while (taken.some((t) => overlaps(t, arc.label))) arc.label.y += arc.label.height + 2
      taken.push(arc.label)
      edges.push({ kind: "relationship", relationship, ...arc })
    })
  }

  const { width = 0, height = 0 } = g.graph() as { width?: number; height?: number }
  const bottom = Math.max(height, ...edges.map((e) => e.label.y + e.label.height + 24))
  return { modules, models, edges, width, height: bottom }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/**
 * Two models of one module joined by an arc bulging into the gutter on their left, in its own
 * lane; the labels stand in one column left of every lane, so no arc crosses a label.
 */
function sideArc(a: PlacedModel, b: PlacedModel, lane: number, lanes: number, lines: string[]) {
  const size = textBox(lines)
  const start = { x: a.x, y: a.y + a.height / 2 + 6 }
  const end = { x: b.x, y: b.y + b.height / 2 - 6 }
  const reach = ARC_STEP * (lane + 1) + 6
  const points = curve(start, { x: a.x - reach, y: start.y }, { x: b.x - reach, y: end.y }, end)
  const middle = (start.y + end.y) / 2
  return {
    points,
    anchor: points[Math.floor(points.length / 2)],
    label: {
      lines,
      x: a.x - (ARC_STEP * lanes + 6) * 0.75 - 8 - size.width,
      y: middle - size.height / 2,
      ...size,
    },
  }
}
