import type { Timing } from "./stats.ts"

/** One competitor of a read: a function returning the answer, compared before anything is timed. */
export interface ReadSide {
  label: string
  run: () => Promise<unknown>
}

/**
 * A read operation: modlink against one or more hand-written baselines. `ordered` says whether the
 * top-level order is part of the answer (paginated queries) or not (full listings).
 */
export interface ReadCase {
  name: string
  modlink: ReadSide
  baselines: ReadSide[]
  ordered: boolean
  /** Rows the answer holds (records at the top level). */
  rows: (answer: unknown) => number
  /** Set for full listings: peak memory is then measured in child processes. */
  memory?: MemoryProbe
}

/** What a child process needs to run one side of a listing on its own (see memory/). */
export interface MemoryProbe {
  /** Key of the listing in memory/listings.ts. */
  listing: string
}

/**
 * A write: each repetition starts from `reset` (untimed) so every run writes into the same state,
 * and `state` reads back what the run left, compared between modlink and the baseline.
 */
export interface WriteCase {
  name: string
  baselineLabel: string
  rows: number
  reset: () => Promise<void>
  modlink: () => Promise<unknown>
  baseline: () => Promise<unknown>
  state: () => Promise<unknown>
}

export interface PeakMemory {
  /** Highest resident set size of the child, in MiB. */
  peakMiB: number
  /** Growth over the resident size just before the query ran, in MiB. */
  growthMiB: number
  /** `JSON.stringify(answer)` length in MiB: the size of the result as text. */
  resultMiB: number
  /** Heap the answer keeps alive, in MiB: the size of the result as the caller holds it. */
  retainedMiB: number
  /** V8's young generation after the query, in MiB: reserved whatever the side holds. */
  youngMiB: number
}

/** One line of the report. */
export interface ResultRow {
  size: number
  backend: string
  operation: string
  /** Label of the hand-written side; absent when nothing hand-written does the same work. */
  baseline?: string
  modlink?: Timing
  reference?: Timing
  ratio?: number
  rows?: number
  memory?: { modlink: PeakMemory; baseline: PeakMemory }
  /** Why there are no numbers (the operation failed or is unavailable). */
  error?: string
}
