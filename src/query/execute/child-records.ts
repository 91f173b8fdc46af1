type Row = Record<string, unknown>

/** The records attached under `name` to each of `records`, flattened: lists spread, nulls skipped. */
export function childRecords(records: readonly Row[], name: string): Row[] {
  const out: Row[] = []
  for (const record of records) {
    const value = record[name]
    if (Array.isArray(value)) out.push(...(value as Row[]))
    else if (value !== null && typeof value === "object") out.push(value as Row)
  }
  return out
}
