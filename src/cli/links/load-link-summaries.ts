import type { App } from "../../app/index.ts"
import { countLinkRows } from "./count-link-rows.ts"
import { type LinkSummary, summarizeLink } from "./link-summary.ts"

/** Every link of the app with its live row count (all counts in one statement). */
export async function loadLinkSummaries(app: App): Promise<LinkSummary[]> {
  const tables = app.links.flatMap((l) => (l.table ? [l.table] : []))
  const counts = await countLinkRows(app.db, tables)
  return app.links.map((link) => summarizeLink(link, link.table ? (counts.get(link.table) ?? null) : null))
}
