import type { ReadCase, ResultRow } from "./cases.ts"
import { collectGarbage } from "./collect-garbage.ts"
import { assertSameAnswer } from "./normalize.ts"
import { summarize } from "./stats.ts"

export interface ReadSettings {
  warmups: number
  runs: number
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  collectGarbage()
  const start = performance.now()
  await run()
  return performance.now() - start
}

/**
 * Checks every baseline returns modlink's answer, warms up, then times the sides interleaved
 * (modlink, baseline 1, baseline 2, modlink, …) so drift on a busy machine hits all of them alike.
 * Returns one row per baseline.
 */
export async function runRead(
  readCase: ReadCase,
  settings: ReadSettings,
  where: { size: number; backend: string },
): Promise<ResultRow[]> {
  const answer = await readCase.modlink.run()
  for (const baseline of readCase.baselines) {
    assertSameAnswer(`${readCase.name} vs ${baseline.label}`, answer, await baseline.run(), {
      ordered: readCase.ordered,
    })
  }
  const rows = readCase.rows(answer)
  const sides = [readCase.modlink, ...readCase.baselines]
  for (let i = 1; i < settings.warmups; i++) for (const side of sides) await side.run()
  const samples = sides.map(() => [] as number[])
  for (let i = 0; i < settings.runs; i++) {
    for (const [index, side] of sides.entries()) samples[index].push(await timed(side.run))
  }
  const modlink = summarize(samples[0])
  if (readCase.baselines.length === 0) return [{ ...where, operation: readCase.name, modlink, rows }]
  return readCase.baselines.map((baseline, index) => {
    const reference = summarize(samples[index + 1])
    return {
      ...where,
      operation: readCase.name,
      baseline: baseline.label,
      modlink,
      reference,
      ratio: modlink.median / reference.median,
      rows,
    }
  })
}
