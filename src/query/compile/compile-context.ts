/**
 * What compiling one statement needs beyond the plan: whether soft-deleted rows show, the keys that
 * lookups fetched (by lookup id), and fresh table aliases. Aliases are generated (`t0`, `t1`, …), so
 * no table or field name, however odd, can clash with another.
 */
export interface CompileContext {
  readonly withDeleted: boolean
  keys(lookupId: number): unknown
  alias(): string
}

export function compileContext(withDeleted: boolean, keys: (lookupId: number) => unknown): CompileContext {
  let next = 0
  return { withDeleted, keys, alias: () => `t${next++}` }
}
