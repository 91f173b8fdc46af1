import type { ResultRow } from "../measure/cases.ts"
import { collectGarbage } from "../measure/collect-garbage.ts"
import { firstDifference, normalize } from "../measure/normalize.ts"
import type { ReadSettings } from "../measure/run-read.ts"
import { summarize } from "../measure/stats.ts"
import type { ReadPair, WritePair } from "./cases.ts"
import { MEDUSA_VERSION } from "./install.ts"
import type { MedusaWorker } from "./worker.ts"

export const MEDUSA_LABEL = `Medusa ${MEDUSA_VERSION}`

async function timed(run: () => Promise<unknown>): Promise<number> {
  collectGarbage()
  const start = performance.now()
  await run()
  return performance.now() - start
}

/** Throws when the two sides disagree: a timing of a different answer is never reported. */
function assertSame(what: string, modlink: unknown, medusa: unknown, ordered: boolean): void {
  const difference = firstDifference(normalize(modlink, { ordered }), normalize(medusa, { ordered }))
  if (difference) throw new Error(`${what}: modlink and Medusa disagree at ${difference}`)
}

function row(
  name: string,
  where: { size: number; backend: string },
  ours: number[],
  theirs: number[],
  rows: number,
): ResultRow {
  const modlink = summarize(ours)
  const reference = summarize(theirs)
  return {
    ...where,
    operation: name,
    baseline: MEDUSA_LABEL,
    modlink,
    reference,
    ratio: modlink.median / reference.median,
    rows,
  }
}

/**
 * A read on both apps: the answers compared first, then warm-ups, then timed runs interleaved
 * (modlink, Medusa, modlink, …) so load on the machine hits both alike. Medusa times its side in
 * its own process, around the `query.graph` call only (gc first, as here).
 */
export async function runReadPair(
  pair: ReadPair,
  worker: MedusaWorker,
  settings: ReadSettings,
  where: { size: number; backend: string },
): Promise<ResultRow> {
  await worker.define(pair.name, "graph", pair.input)
  const ours = pair.compared(await pair.modlink())
  const theirs = pair.compared((await worker.run(pair.name, { answer: true })).answer)
  assertSame(pair.name, ours, theirs, pair.ordered)
  for (let i = 1; i < settings.warmups; i++) {
    await pair.modlink()
    await worker.run(pair.name)
  }
  const modlink: number[] = []
  const medusa: number[] = []
  for (let i = 0; i < settings.runs; i++) {
    modlink.push(await timed(pair.modlink))
    medusa.push((await worker.run(pair.name)).ms)
  }
  return row(pair.name, where, modlink, medusa, (ours as { data: unknown[] }).data.length)
}

/**
 * A write on both apps, each from its reset: one untimed round per side whose database states must
 * match, then `runs` timed rounds alternating between the two.
 */
export async function runWritePair(
  pair: WritePair,
  worker: MedusaWorker,
  runs: number,
  where: { size: number; backend: string },
): Promise<ResultRow> {
  await worker.define(pair.name, pair.medusa.op, pair.medusa.input)
  const modlinkRound = async () => {
    await pair.modlink.reset()
    return timed(pair.modlink.modlink)
  }
  const medusaRound = async () => {
    await pair.onMedusa.reset()
    return (await worker.run(pair.name)).ms
  }
  await modlinkRound()
  const ours = await pair.modlink.state()
  await medusaRound()
  assertSame(`${pair.name} (database state)`, ours, await pair.onMedusa.state(), true)
  const modlink: number[] = []
  const medusa: number[] = []
  for (let i = 0; i < runs; i++) {
    modlink.push(await modlinkRound())
    medusa.push(await medusaRound())
  }
  return row(pair.name, where, modlink, medusa, pair.rows)
}
