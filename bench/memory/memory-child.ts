import { getHeapSpaceStatistics } from "node:v8"
import { createApp } from "../../src/app/index.ts"
import { collectGarbage } from "../measure/collect-garbage.ts"
import type { Page } from "../ops/page.ts"
import { FULL_LISTINGS } from "./listings.ts"

/** What the parent asks a child for: one side (0 = modlink, i = baseline i) of one listing. */
export interface MemoryRequest {
  cwd: string
  url: string
  listing: string
  side: number
}

/** What a child reports, in bytes. */
export interface MemoryReport {
  peak: number
  before: number
  /** `JSON.stringify(data).length`. */
  result: number
  /** Heap the answer keeps alive: used heap after a full GC with the answer held, less before. */
  retained: number
  /**
   * V8's young generation as the query left it (`new_space` size): memory V8 reserves once a
   * process allocates fast, whatever it holds, and part of the peak for any side.
   */
  young: number
}

/**
 * Runs one side of a full listing once in this fresh process and prints its memory report on
 * stdout. The peak is the process's maxRSS, so it would include loading the app if that were
 * higher; `before` (resident size after loading and a full GC) lets the parent report the growth.
 * The answer's retained heap is the size of the result as the caller holds it: a `Date` takes 112
 * bytes of heap where its JSON takes 26, so the JSON length understates results full of timestamps.
 */
export async function runMemoryChild(request: MemoryRequest): Promise<void> {
  const app = await createApp({ cwd: request.cwd, databaseUrl: request.url })
  try {
    const readCase = FULL_LISTINGS[request.listing](app)
    const side = [readCase.modlink, ...readCase.baselines][request.side]
    collectGarbage()
    const { rss: before, heapUsed } = process.memoryUsage()
    const answer = (await side.run()) as Page
    const peak = process.resourceUsage().maxRSS * 1024
    const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0
    collectGarbage()
    const retained = process.memoryUsage().heapUsed - heapUsed
    const report: MemoryReport = {
      peak,
      before,
      result: JSON.stringify(answer.data).length,
      retained,
      young,
    }
    process.stdout.write(JSON.stringify(report))
  } finally {
    await app.close()
  }
}
