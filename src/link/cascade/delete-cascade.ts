import type { Database } from "../../db/index.ts"
import type { CascadeReport, DeleteOptions, LinkEvent } from "../service/link-input.ts"
import { type AppliedWrites, applyCascade, type CascadeWrites } from "./apply-cascade.ts"
import type { CascadeContext } from "./cascade-context.ts"
import { type CascadeEntry, tokensOf } from "./cascade-journal.ts"
import { isEmptyPlan, planCascade } from "./cascade-plan.ts"
import { addToReport, emptyReport, linkEvents } from "./cascade-report.ts"

function deleteWrites(entry: CascadeEntry, finish: (tx: Database) => Promise<void>): CascadeWrites {
  return {
    change: "delete",
    stamp: entry.stamp,
    cascade: entry.id,
    records: new Map(Object.entries(entry.plan.records)),
    linkRows: () =>
      new Map(Object.entries(entry.plan.links).map(([table, rows]) => [table, rows.map((r) => r.id)])),
    finish,
  }
}

/** True when some record of the plan lives outside the main database. */
function spansDatabases(ctx: CascadeContext, entry: CascadeEntry): boolean {
  return Object.keys(entry.plan.records).some(
    (model) => ctx.databaseOf(ctx.graph.ref(model)!.module).key !== "main",
  )
}

/** Finishes a cascade recorded as pending: its writes are idempotent, done parts are skipped. */
function resumeEntry(ctx: CascadeContext, entry: CascadeEntry): Promise<AppliedWrites> {
  return applyCascade(
    ctx,
    deleteWrites(entry, (t) => ctx.journal.markApplied(t, entry.id)),
  )
}

async function applyNewEntry(
  ctx: CascadeContext,
  entry: CascadeEntry,
  tx?: Database,
): Promise<AppliedWrites> {
  const recorded = { ...entry, status: "applied" as const }
  if (tx)
    return applyCascade(
      ctx,
      deleteWrites(entry, (t) => ctx.journal.insert(t, recorded)),
      tx,
    )
  if (!spansDatabases(ctx, entry)) return ctx.main.transaction((t) => applyNewEntry(ctx, entry, t))
  // Recorded before any database is touched: a run that dies half-way is finished by the next one.
  await ctx.journal.insert(ctx.main, entry)
  return resumeEntry(ctx, entry)
}

/**
 * `link.delete`: after records were deleted in their modules, soft-delete every live link row that
 * references them and, through `deleteCascade` sides, the linked records, recursively. All on the
 * main database: plan and writes in one transaction. Otherwise: plan with reads, then apply per
 * database (see applyCascade). `dryRun` only plans.
 */
export async function deleteCascade(
  ctx: CascadeContext,
  roots: ReadonlyMap<string, string[]>,
  options: DeleteOptions = {},
): Promise<{ report: CascadeReport; events: LinkEvent[] }> {
  const report = emptyReport()
  // Models no link points at have nothing to cascade: skip the journal entirely.
  if (![...roots.keys()].some((model) => ctx.graph.endsOf(model).length)) return { report, events: [] }
  const reader = { main: ctx.main, databaseOf: (module: string) => ctx.databaseOf(module).db }
  if (options.dryRun) {
    const plan = await planCascade(ctx.graph, reader, roots)
    return {
      report: addToReport(report, ctx.graph, Object.entries(plan.records), Object.entries(plan.links)),
      events: [],
    }
  }
  await ctx.journal.ensure(ctx.main)
  const applied: Array<[string, AppliedWrites]> = []
  for (const entry of await ctx.journal.find(ctx.main, "pending", tokensOf(roots))) {
    applied.push([entry.id, await resumeEntry(ctx, entry)])
  }
  if (ctx.allOnMain) {
    const done = await ctx.main.transaction(async (tx) => {
      const plan = await planCascade(ctx.graph, { main: tx, databaseOf: () => tx }, roots)
      if (isEmptyPlan(plan)) return undefined
      const entry = await ctx.journal.newEntry(tx, plan)
      return [entry.id, await applyNewEntry(ctx, entry, tx)] as [string, AppliedWrites]
    })
    if (done) applied.push(done)
  } else {
    const plan = await planCascade(ctx.graph, reader, roots)
    if (!isEmptyPlan(plan)) {
      const entry = await ctx.journal.newEntry(ctx.main, plan)
      applied.push([entry.id, await applyNewEntry(ctx, entry)])
    }
  }
  const events: LinkEvent[] = []
  for (const [id, writes] of applied) {
    report.cascades.push(id)
    addToReport(report, ctx.graph, writes.records, writes.links)
    events.push(...linkEvents(ctx.graph, writes.links))
  }
  return { report, events }
}
