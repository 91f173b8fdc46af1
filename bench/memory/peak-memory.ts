import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import type { PeakMemory } from "../measure/cases.ts"
import type { MemoryReport, MemoryRequest } from "./memory-child.ts"

const run = promisify(execFile)
const BENCH = fileURLToPath(new URL("../../bin/modlink-bench.js", import.meta.url))
const MiB = 1024 * 1024

async function measureSide(request: MemoryRequest): Promise<PeakMemory> {
  const { stdout } = await run(process.execPath, [BENCH, "--memory-child", JSON.stringify(request)], {
    maxBuffer: 1024 * 1024,
  })
  const report = JSON.parse(stdout) as MemoryReport
  return {
    peakMiB: report.peak / MiB,
    growthMiB: Math.max(0, report.peak - report.before) / MiB,
    resultMiB: report.result / MiB,
    retainedMiB: report.retained / MiB,
    youngMiB: report.young / MiB,
  }
}

/**
 * Peak memory of modlink and of each baseline of a full listing, each in a fresh process (a
 * process's peak never goes down, so measuring both sides in one would hide the smaller one).
 * Server databases only: a PGlite database lives inside the parent process.
 */
export async function measurePeakMemory(
  cwd: string,
  url: string,
  listing: string,
  baselines: number,
): Promise<{ modlink: PeakMemory; baselines: PeakMemory[] }> {
  const modlink = await measureSide({ cwd, url, listing, side: 0 })
  const others: PeakMemory[] = []
  for (let side = 1; side <= baselines; side++) others.push(await measureSide({ cwd, url, listing, side }))
  return { modlink, baselines: others }
}
