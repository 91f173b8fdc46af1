import type { GraphLink } from "./app-graph.ts"

/**
 * What a link edge says, in every rendering (mermaid, dot, the studio's SVG): cardinality, table,
 * extra columns, rows, cascade and read-only flag. One place, so the pictures agree.
 */
export function linkLabelLines(link: GraphLink): string[] {
  const lines = [`${link.cardinality} ${link.table ?? "read-only"}`]
  if (link.extraColumns.length > 0) lines.push(`+ ${link.extraColumns.map((c) => c.name).join(", ")}`)
  const facts: string[] = []
  if (!link.readOnly) facts.push(link.rows === null ? "not synced" : `${link.rows} rows`)
  for (const cascade of link.cascade) facts.push(`cascade ${cascade}`)
  if (facts.length > 0) lines.push(facts.join(" · "))
  return lines
}
