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
  result: number
}

/**
 * Runs one side of a full listing once in this fresh process and prints its memory report on
 * stdout. The peak is the process's maxRSS, so it would include loading the app if that were
 * higher; `before` (resident size after loading and a full GC) lets the parent report the growth.
 */
export async function runMemoryChild(request: MemoryRequest): Promise<void> {
  const app = await createApp({ cwd: request.cwd, databaseUrl: request.url })
  try {
    const readCase = FULL_LISTINGS[request.listing](app)
    const side = [readCase.modlink, ...readCase.baselines][request.side]
    collectGarbage()
    const before = process.memoryUsage().rss
    const answer = (await side.run()) as Page
    const peak = process.resourceUsage().maxRSS * 1024
    const report: MemoryReport = { peak, before, result: JSON.stringify(answer.data).length }
    process.stdout.write(JSON.stringify(report))
  } finally {
    await app.close()
  }
}
