import type { AppGraph } from "./app-graph.ts"
import { linkLabelLines } from "./link-label.ts"

const quote = (text: string) => `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`

/**
 * A Graphviz digraph: one cluster per module, relationships dashed and grey, links bold with the
 * same label as the studio's graph (`dot -Tsvg` draws it).
 */
export function renderDot(graph: AppGraph): string {
  const node = (module: string, model: string) => quote(`${module}.${model}`)
  const lines = ["digraph modlink {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
  for (const module of graph.modules) {
    lines.push(
      `  subgraph ${quote(`cluster_${module.name}`)} {`,
      `    label=${quote(`module ${module.name}`)};`,
    )
    for (const model of module.models)
      lines.push(`    ${node(module.name, model.name)} [label=${quote(model.name)}];`)
    lines.push("  }")
  }
  for (const r of graph.relationships) {
    const label = quote(`${r.cardinality} ${r.fields.join(" / ")}`)
    lines.push(
      `  ${node(r.module, r.source)} -> ${node(r.module, r.target)} [style=dashed, color=gray, label=${label}];`,
    )
  }
  for (const link of graph.links) {
    const style = link.readOnly ? "dashed" : "bold"
    const label = quote(linkLabelLines(link).join("\n"))
    lines.push(
      `  ${node(link.left.module, link.left.model)} -> ${node(link.right.module, link.right.model)} [style=${style}, label=${label}];`,
    )
  }
  lines.push("}")
  return lines.join("\n")
}
