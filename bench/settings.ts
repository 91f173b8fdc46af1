import type { ReadSettings } from "./measure/run-read.ts"

/**
 * How many times each operation runs. Reads: 2 warm-ups, then 20 timed runs, as issue 7 asks,
 * except full listings at 100k and above, which take seconds each on this 2-core machine: one
 * warm-up and 5 runs there keep the bench near its 20 minutes (their p95 is then the slowest run);
 * at 1,000,000, 3 runs.
 */
export function readSettings(size: number, fullListing: boolean): ReadSettings {
  // A million rows streamed take tens of seconds a run: the answer check is the only warm-up.
  if (fullListing && size >= 1_000_000) return { warmups: 1, runs: 3 }
  const big = fullListing && size >= 100_000
  return { warmups: big ? 1 : 2, runs: big ? 5 : 20 }
}

/** Writes start from a reset each time, which costs as much as the write: fewer runs as N grows. */
export function writeRuns(size: number): number {
  // At a million rows one run of each side (minutes) keeps the whole run near half an hour.
  if (size >= 1_000_000) return 1
  return size >= 100_000 ? 3 : size >= 10_000 ? 5 : 10
}

/**
 * `db:sync-links` does not depend on N. Creating 50 tables with their 7 indexes takes seconds, so
 * 5 runs in process and 3 through the CLI (each a fresh node process).
 */
export const SYNC_RUNS = { inProcess: 5, cli: 3 }
