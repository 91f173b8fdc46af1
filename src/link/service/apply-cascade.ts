import type { Database } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { CascadeContext } from "./cascade-context.ts"
import type { LinkKeyRow } from "./link-input.ts"
import { type StampChange, stampLinkRows, stampRecords } from "./stamp-rows.ts"

/** The writes of one cascade (or of its restore), database by database. */
export interface CascadeWrites extends StampChange {
  /** Journal entry the writes belong to, for messages. */
  cascade: string
  /** Records to write, by model key. */
  records: ReadonlyMap<string, string[]>
  /**
   * Link row ids to write per table, decided once the records are written: a restore brings a link
   * row back only when the records at both of its ends are live again.
   */
  linkRows(written: ReadonlyMap<string, string[]>): Map<string, string[]>
  /** Journal bookkeeping, run last inside the main database's transaction. */
  finish(tx: Database): Promise<void>
}

export interface AppliedWrites {
  records: Map<string, string[]>
  links: Map<string, LinkKeyRow[]>
}

type Batch = Array<[model: string, ids: string[]]>

async function writeRecords(
  db: Database,
  ctx: CascadeContext,
  batch: Batch,
  writes: CascadeWrites,
  into: AppliedWrites,
) {
  for (const [model, ids] of batch) {
    const written = await stampRecords(db, ctx.graph.ref(model)!, ids, writes)
    if (written.length) into.records.set(model, written)
  }
}

/** Records on the main database, then link rows, then the journal: one transaction. */
async function applyOnMain(
  tx: Database,
  ctx: CascadeContext,
  batch: Batch,
  writes: CascadeWrites,
  into: AppliedWrites,
) {
  await writeRecords(tx, ctx, batch, writes, into)
  for (const [table, ids] of writes.linkRows(into.records)) {
    if (ids.length === 0) continue
    const rows = await stampLinkRows(tx, ctx.graph.linkOfTable(table)!, ids, writes)
    if (rows.length) into.links.set(table, rows)
  }
  await writes.finish(tx)
}

/**
 * Applies a cascade. Given `tx` (every module on the main database), everything runs in it. Across
 * databases there is no shared transaction, so the order bounds the damage: each other database
 * commits its records in one transaction, the main database (link rows and the journal) commits
 * last. The writes are idempotent, so running the same call again finishes a cascade that stopped,
 * and the error lists what was committed and what was not.
 */
export async function applyCascade(
  ctx: CascadeContext,
  writes: CascadeWrites,
  tx?: Database,
): Promise<AppliedWrites> {
  const applied: AppliedWrites = { records: new Map(), links: new Map() }
  const byDatabase = new Map<string, { db: Database; batch: Batch }>()
  for (const [model, ids] of writes.records) {
    const { key, db } = ctx.databaseOf(ctx.graph.ref(model)!.module)
    const entry = byDatabase.get(key) ?? { db, batch: [] }
    entry.batch.push([model, ids])
    byDatabase.set(key, entry)
  }
  if (tx) {
    await applyOnMain(
      tx,
      ctx,
      [...byDatabase.values()].flatMap((d) => d.batch),
      writes,
      applied,
    )
    return applied
  }
  const onMain = byDatabase.get("main")?.batch ?? []
  const steps = [...byDatabase]
    .filter(([key]) => key !== "main")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, step]) => step)
  const describe = ({ db, batch }: { db: Database; batch: Batch }) =>
    `${batch.map(([model, ids]) => `${ids.length} ${model}`).join(", ")} on ${db.label}`
  let committed = 0
  try {
    for (const step of steps) {
      await step.db.transaction((t) => writeRecords(t, ctx, step.batch, writes, applied))
      committed++
    }
    await ctx.main.transaction((t) => applyOnMain(t, ctx, onMain, writes, applied))
    return applied
  } catch (error) {
    const done = steps.slice(0, committed).map(describe)
    const notDone = [
      ...steps.slice(committed).map(describe),
      `link rows${onMain.length ? ` and ${describe({ db: ctx.main, batch: onMain })}` : ` on ${ctx.main.label}`}`,
    ]
    const current = steps[committed]?.db.label ?? ctx.main.label
    const rerun =
      writes.change === "delete"
        ? "call link.delete with the same input again to finish it"
        : "call link.restore with the same input again to finish it"
    throw new ModlinkError(
      "CASCADE_FAILED",
      `Cascade ${writes.cascade} (${writes.change}) failed on ${current}: ${(error as Error).message}`,
      {
        hint: `${done.length ? `committed: ${done.join("; ")}` : "nothing was committed"}; not done: ${notDone.join("; ")}; ${rerun}`,
        details: { cascade: writes.cascade, change: writes.change, done, notDone },
        cause: error,
      },
    )
  }
}
