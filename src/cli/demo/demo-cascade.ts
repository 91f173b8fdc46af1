import type { App } from "../../app/index.ts"
import { untypedApp } from "../../app/untyped-app.ts"
import type { CascadeReport } from "../../link/service/link-input.ts"
import { countLinkRows } from "../links/count-link-rows.ts"
import { colors } from "../output/colors.ts"
import { heading } from "../output/heading.ts"
import { renderTable } from "../output/table.ts"
import { formatCall } from "./format-call.ts"

/** The product service's method the demo calls; the demo runs on whatever app it loaded. */
interface ProductDelete {
  softDeleteProducts(ids: string[]): Promise<unknown>
}

/** What a cascade report holds, one line per link and per module key. */
function renderReport(report: CascadeReport): string {
  const rows = [
    ...Object.entries(report.links).map(([link, rows]) => ["link rows", link, String(rows.length)]),
    ...Object.entries(report.records).flatMap(([module, keys]) =>
      Object.entries(keys).map(([key, ids]) => ["records", `${module} (${key})`, String(ids.length)]),
    ),
  ]
  return rows.length ? renderTable(["KIND", "WHERE", "SOFT-DELETED"], rows) : colors.dim("(nothing)")
}

/** Live records and link rows the cascade touches, to show before and after side by side. */
async function counts(app: App): Promise<Map<string, number>> {
  const result = new Map<string, number>()
  for (const entity of ["product", "post"]) {
    const { metadata } = await untypedApp(app).query.graph({
      entity,
      fields: ["id"],
      pagination: { take: 1 },
    })
    result.set(`${entity} records`, metadata?.count ?? 0)
  }
  const tables = app.links.flatMap((l) => (l.table ? [[l.entryPoint, l.table] as const] : []))
  const rows = await countLinkRows(
    app.db,
    tables.map(([, table]) => table),
  )
  for (const [entryPoint, table] of tables) result.set(`${entryPoint} link rows`, rows.get(table) ?? 0)
  return result
}

/**
 * Deletes two products: first the preview (`link.delete` with `dryRun`), then for real through
 * the product service, and shows what changed.
 * The launch posts go too (deleteCascade on the post side), and with them their tag and
 * collection links.
 */
export async function showCascade(app: App, section: number): Promise<void> {
  const { query, link } = untypedApp(app)
  const { data } = await query.graph<{ id: string; title: string }>({
    entity: "product",
    fields: ["id", "title"],
    pagination: { take: 2, order: { title: "ASC" } },
  })
  const ids = data.map((p) => p.id)
  const input = { product: { product_id: ids } }

  console.log(
    heading(section, "Cascade delete preview", `Deleting ${data.map((p) => p.title).join(" and ")}.`),
  )
  console.log(colors.cyan(formatCall("link.delete", input, { dryRun: true })))
  console.log(renderReport(await link.delete(input, { dryRun: true })))

  console.log(
    heading(
      section + 1,
      "Cascade delete",
      "Deleting through the module service runs the same cascade itself: no dangling links.",
    ),
  )
  const before = await counts(app)
  console.log(colors.cyan(formatCall("product.softDeleteProducts", ids)))
  await (untypedApp(app).resolve("product") as ProductDelete).softDeleteProducts(ids)
  const after = await counts(app)
  console.log(
    renderTable(
      ["LIVE", "BEFORE", "AFTER"],
      [...before.keys()].map((key) => [key, String(before.get(key)), String(after.get(key))]),
    ),
  )
}
