import type { AppGraph } from "./app-graph.ts"
import { linkLabelLines } from "./link-label.ts"

/** Mermaid quotes labels with `"`; inside them `#quot;` is the escape. */
const quote = (text: string) => `"${text.replaceAll('"', "#quot;")}"`

/** Mermaid node ids take no dots: `product__product_variant`. */
const id = (module: string, model: string) => `${module}__${model}`

/**
 * A mermaid flowchart: one subgraph per module holding its models, relationships as dotted edges,
 * links as solid ones (dashed for read-only) labelled like the studio's graph.
 */
export function renderMermaid(graph: AppGraph): string {
  const lines = ["flowchart LR"]
  for (const module of graph.modules) {
    lines.push(`  subgraph module_${module.name}[${quote(`module ${module.name}`)}]`)
    for (const model of module.models) lines.push(`    ${id(module.name, model.name)}[${quote(model.name)}]`)
    lines.push("  end")
  }
  for (const r of graph.relationships) {
    const label = quote(`${r.cardinality} ${r.fields.join(" / ")}`)
    lines.push(`  ${id(r.module, r.source)} -.-|${label}| ${id(r.module, r.target)}`)
  }
  for (const link of graph.links) {
    const arrow = link.readOnly ? "-.->" : "-->"
    const label = quote(linkLabelLines(link).join("<br/>"))
    lines.push(
      `  ${id(link.left.module, link.left.model)} ${arrow}|${label}| ${id(link.right.module, link.right.model)}`,
    )
  }
  return lines.join("\n")
}
