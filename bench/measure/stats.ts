/** Summary of repeated timings in milliseconds. */
export interface Timing {
  median: number
  p95: number
  runs: number
}

/** Nearest-rank percentile: with 20 runs, p95 is the 19th fastest, never an interpolated value. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length))
  return sorted[rank - 1]
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, p95: percentile(sorted, 0.95), runs: sorted.length }
}
