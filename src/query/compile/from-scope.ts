import type { Sql } from "../../db/index.ts"

/**
 * The FROM of one SELECT being built: the LEFT JOINs that single-valued children and sort keys add
 * while the select list and ORDER BY are compiled. A join needed twice (selected and sorted by) is
 * added once.
 */
export class FromScope {
  readonly joins: Sql[] = []
  private readonly aliases = new Map<string, string>()

  /** The alias of the join known as `key`, adding it with `build` the first time. */
  join(key: string, build: () => { alias: string; join: Sql }): string {
    const known = this.aliases.get(key)
    if (known) return known
    const { alias, join } = build()
    this.aliases.set(key, alias)
    this.joins.push(join)
    return alias
  }
}
