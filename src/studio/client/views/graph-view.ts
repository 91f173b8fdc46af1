import type { GraphLink } from "../../../cli/graph/app-graph.ts"
import { linkLabelLines } from "../../../cli/graph/link-label.ts"
import { h, mount, svg } from "../dom.ts"
import { LINE_HEIGHT, layoutGraph, type PlacedEdge } from "../graph/layout.ts"
import { zoomPan } from "../graph/zoom-pan.ts"
import { go, type Route } from "../router.ts"
import type { Schema } from "../schema.ts"
import { linkPanel } from "./link-panel.ts"

function edgePath(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")
}

function edgeGroup(edge: PlacedEdge, onSelect: (link: GraphLink) => void): SVGGElement {
  const link = edge.link
  const className = link
    ? `edge link${link.readOnly ? " read-only" : ""}${link.cascade.length ? " cascade" : ""}`
    : "edge relationship"
  const { label } = edge
  const ends = link
    ? [link.left.model, link.right.model]
    : [edge.relationship!.source, edge.relationship!.target]
  const group = svg(
    "g",
    link
      ? {
          class: className,
          "data-clickable": "",
          "data-testid": `link-${link.entryPoint}`,
          "data-link": link.entryPoint,
          "data-ends": ends.map((model) => `model-${model}`).join(" "),
        }
      : {
          class: className,
          "data-testid": `relationship-${ends.join("-")}`,
          "data-ends": ends.map((model) => `model-${model}`).join(" "),
        },
    svg("path", { class: "line", d: edgePath(edge.points), "marker-end": link ? "url(#arrow)" : undefined }),
    link && svg("path", { class: "hit", d: edgePath(edge.points) }),
    edge.anchor &&
      svg("path", {
        class: "leader",
        d: edgePath([{ x: label.x + label.width, y: label.y + label.height / 2 }, edge.anchor]),
      }),
    svg("rect", {
      class: "label-box",
      x: label.x,
      y: label.y,
      width: label.width,
      height: label.height,
      rx: 4,
    }),
    label.lines.map((line, i) =>
      svg(
        "text",
        {
          class: i === 0 ? "label first" : "label",
          x: label.x + 6,
          y: label.y + 4 + LINE_HEIGHT * (i + 0.75),
        },
        line,
      ),
    ),
  )
  if (link) {
    group.addEventListener("click", () => onSelect(link))
    // The whole label, also when the edge shows a compact one (many links).
    const summary = [link.link, ...linkLabelLines(link)].join("\n")
    group.append(svg("title", null, `${summary}\nclick for its table`))
  }
  return group
}

/** Modules as groups of their models, relationships (grey, dashed) and links, laid out by dagre. */
export async function graphView(main: HTMLElement, schema: Schema, _route: Route): Promise<void> {
  const layout = layoutGraph(schema.view.graph)
  const panel = h(
    "aside",
    { class: "panel", "data-testid": "link-panel" },
    h("p", { class: "muted" }, "Click a link to see its table, columns, indexes and pending sync."),
  )
  const layer = svg("g")
  const canvas = svg(
    "svg",
    { class: "graph", "data-testid": "graph" },
    svg(
      "defs",
      null,
      svg(
        "marker",
        {
          id: "arrow",
          viewBox: "0 0 10 10",
          refX: 9,
          refY: 5,
          markerWidth: 8,
          markerHeight: 8,
          orient: "auto-start-reverse",
        },
        svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow" }),
      ),
    ),
    layer,
  )
  for (const module of layout.modules) {
    layer.append(
      svg(
        "g",
        { class: "module", "data-testid": `module-${module.name}` },
        svg("rect", { x: module.x, y: module.y, width: module.width, height: module.height, rx: 10 }),
        svg("text", { x: module.x + 12, y: module.y + 20 }, `module ${module.name}`),
      ),
    )
  }
  const select = (link: GraphLink) => {
    for (const selected of canvas.querySelectorAll(".selected")) selected.classList.remove("selected")
    canvas.querySelector(`[data-link="${link.entryPoint}"]`)?.classList.add("selected")
    linkPanel(panel, schema, link)
  }
  for (const edge of layout.edges) layer.append(edgeGroup(edge, select))
  for (const model of layout.models) {
    const node = svg(
      "g",
      { class: "model", "data-clickable": "", "data-testid": `model-${model.name}` },
      svg("rect", { x: model.x, y: model.y, width: model.width, height: model.height, rx: 6 }),
      svg("text", { class: "name", x: model.x + 12, y: model.y + 19 }, model.name),
      svg("text", { class: "table", x: model.x + 12, y: model.y + 36 }, model.table),
      svg("title", null, `${model.module}.${model.name}: click to browse its records`),
    )
    node.addEventListener("click", () => go("records", [model.name]))
    layer.append(node)
  }
  const controls = h("div", { class: "graph-controls" })
  const legend = h(
    "div",
    { class: "legend" },
    h("span", { class: "key link" }, "link"),
    h("span", { class: "key cascade" }, "link with cascade"),
    h("span", { class: "key read-only" }, "read-only link"),
    h("span", { class: "key relationship" }, "relationship in a module"),
  )
  mount(
    main,
    h("section", { class: "graph-view" }, h("div", { class: "graph-wrap" }, canvas, controls, legend), panel),
  )
  const view = zoomPan(canvas, layer, layout)
  mount(
    controls,
    h("button", { title: "zoom in", onclick: () => view.zoomBy(1.25) }, "+"),
    h("button", { title: "zoom out", onclick: () => view.zoomBy(0.8) }, "−"),
    h("button", { title: "fit the graph", onclick: () => view.fit() }, "fit"),
  )
  view.fit()
}
