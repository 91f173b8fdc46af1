/**
 * Keys per statement when fetching a child fragment. One array parameter carries them, so the limit
 * is not PostgreSQL's 65,535 parameters but keeping each statement's work and memory bounded.
 */
export const BATCH_SIZE = 5000

/** Consecutive slices of at most `size` items. */
export function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Map key for a database key value: ids arrive as strings or numbers depending on the path taken. */
export function keyOf(value: unknown): string {
  return typeof value === "string" ? value : String(value)
}
