import type { Database } from "../../db/index.ts"
import type { CascadeReport, LinkEvent } from "../service/link-input.ts"
import { applyCascade } from "./apply-cascade.ts"
import type { CascadeContext } from "./cascade-context.ts"
import { recordToken, tokensOf } from "./cascade-journal.ts"
import { addToReport, emptyReport, linkEvents } from "./cascade-report.ts"
import { planRestore } from "./restore-plan.ts"

/**
 * `link.restore`: after records were restored in their modules, bring back what the cascades that
 * removed them took: their link rows and the records removed through `deleteCascade`, found in the
 * cascade journal and matched by the cascade's stamp. Dismissed rows were never in a cascade, so
 * they stay dismissed. Runs per journal entry, each one transaction when all is on the main database.
 */
export async function restoreCascade(
  ctx: CascadeContext,
  given: ReadonlyMap<string, string[]>,
): Promise<{ report: CascadeReport; events: LinkEvent[] }> {
  const report = emptyReport()
  const events: LinkEvent[] = []
  if (![...given.keys()].some((model) => ctx.graph.endsOf(model).length)) return { report, events }
  await ctx.journal.ensure(ctx.main)
  const givenTokens = tokensOf(given)
  for (const entry of await ctx.journal.find(ctx.main, "applied", givenTokens)) {
    const plan = await planRestore(ctx, entry, given)
    if (plan.rows.size === 0 && plan.records.size === 0) continue
    const writes = {
      change: "restore" as const,
      stamp: entry.stamp,
      cascade: entry.id,
      records: plan.records,
      linkRows: (written: ReadonlyMap<string, string[]>) => {
        const restored = new Set([
          ...givenTokens,
          ...[...written].flatMap(([m, ids]) => ids.map((id) => recordToken(m, id))),
        ])
        return new Map(
          [...plan.rows].map(([table, rows]) => [
            table,
            rows.filter((r) => r.ends.every((end) => plan.isLive(end, restored))).map((r) => r.id),
          ]),
        )
      },
      finish: (tx: Database) => ctx.journal.rootsRestored(tx, entry, givenTokens),
    }
    const applied = ctx.allOnMain
      ? await ctx.main.transaction((tx) => applyCascade(ctx, writes, tx))
      : await applyCascade(ctx, writes)
    report.cascades.push(entry.id)
    addToReport(report, ctx.graph, applied.records, applied.links)
    events.push(...linkEvents(ctx.graph, applied.links))
  }
  return { report, events }
}
