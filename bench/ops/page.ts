/** The shape `query.graph` answers with: records, and `metadata` when the query was paginated. */
export interface Page {
  data: unknown[]
  metadata?: { count: number; skip: number; take: number }
}

/**
 * Wraps hand-written results in the same shape. `rows` carry the `total` column that paginated
 * statements add (PostgreSQL returns count(*) as a bigint, which node-postgres hands over as text).
 */
export function pageOf(
  data: unknown[],
  rows: ReadonlyArray<{ total?: unknown }>,
  take: number | undefined,
  skip = 0,
): Page {
  if (take === undefined) return { data }
  return { data, metadata: { count: Number(rows[0]?.total ?? 0), skip, take } }
}

export function rowsOf(answer: unknown): number {
  return (answer as Page).data.length
}
