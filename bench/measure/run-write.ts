import type { ResultRow, WriteCase } from "./cases.ts"
import { collectGarbage } from "./collect-garbage.ts"
import { assertSameAnswer } from "./normalize.ts"
import { summarize } from "./stats.ts"

async function timedFromReset(writeCase: WriteCase, run: () => Promise<unknown>): Promise<number> {
  await writeCase.reset()
  collectGarbage()
  const start = performance.now()
  await run()
  return performance.now() - start
}

/**
 * One untimed round per side whose end states must match (a write that leaves different data is
 * not the same work), then `runs` timed repetitions per side, alternating, each from a reset.
 */
export async function runWrite(
  writeCase: WriteCase,
  runs: number,
  where: { size: number; backend: string },
): Promise<ResultRow> {
  await timedFromReset(writeCase, writeCase.modlink)
  const afterModlink = await writeCase.state()
  await timedFromReset(writeCase, writeCase.baseline)
  assertSameAnswer(`${writeCase.name} (database state)`, afterModlink, await writeCase.state(), {
    ordered: true,
  })
  const modlinkSamples: number[] = []
  const baselineSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    modlinkSamples.push(await timedFromReset(writeCase, writeCase.modlink))
    baselineSamples.push(await timedFromReset(writeCase, writeCase.baseline))
  }
  const modlink = summarize(modlinkSamples)
  const reference = summarize(baselineSamples)
  return {
    ...where,
    operation: writeCase.name,
    baseline: writeCase.baselineLabel,
    modlink,
    reference,
    ratio: modlink.median / reference.median,
    rows: writeCase.rows,
  }
}
