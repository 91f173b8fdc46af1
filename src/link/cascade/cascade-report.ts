import type { LinkGraph } from "../service/link-graph.ts"
import type { CascadeReport, LinkEvent, LinkKeyRow } from "../service/link-input.ts"
import { namedKeys } from "../service/link-rows.ts"

export const emptyReport = (): CascadeReport => ({ records: {}, links: {}, cascades: [] })

/**
 * Adds records (by model key) and link rows (by table) to a report in the shapes users know:
 * records as module services return them (`{ blog: { post_id: [...] } }`), link rows by entry point.
 */
export function addToReport(
  report: CascadeReport,
  graph: LinkGraph,
  records: Iterable<[string, readonly string[]]>,
  links: Iterable<[string, readonly LinkKeyRow[]]>,
): CascadeReport {
  for (const [model, ids] of records) {
    const ref = graph.ref(model)!
    report.records[ref.module] ??= {}
    const module = report.records[ref.module]
    module[ref.linkableKey] = [...(module[ref.linkableKey] ?? []), ...ids]
  }
  for (const [table, rows] of links) {
    const link = graph.linkOfTable(table)!
    report.links[link.entryPoint] = [
      ...(report.links[link.entryPoint] ?? []),
      ...rows.map((r) => namedKeys(link, r)),
    ]
  }
  return report
}

/** One event per link table whose rows changed. */
export function linkEvents(graph: LinkGraph, links: Iterable<[string, readonly LinkKeyRow[]]>): LinkEvent[] {
  return [...links].map(([table, rows]) => {
    const link = graph.linkOfTable(table)!
    return { link: link.entryPoint, table, rows: rows.map((r) => namedKeys(link, r)) }
  })
}
