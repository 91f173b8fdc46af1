/**
 * What compiling one statement needs beyond the plan: whether soft-deleted rows show, what lookups
 * fetched (keys, and ranks for sort lookups, by lookup id), and fresh table aliases. Aliases are
 * generated (`t0`, `t1`, …), so no table or field name, however odd, can clash with another.
 */
export interface CompileContext {
  readonly withDeleted: boolean
  keys(lookupId: number): unknown
  ranks(lookupId: number): unknown
  alias(): string
}

/** What lookups returned, as the compiler reads it (run-time arrays, or descriptions for explain). */
export interface Fetched {
  keys(lookupId: number): unknown
  ranks(lookupId: number): unknown
}

export function compileContext(withDeleted: boolean, fetched: Fetched): CompileContext {
  let next = 0
  return { withDeleted, keys: fetched.keys, ranks: fetched.ranks, alias: () => `t${next++}` }
}
