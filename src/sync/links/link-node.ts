import type { ResolvedTableLink } from "../../link/resolved-link.ts"
import type { RegistryRow } from "../catalog/link-registry.ts"
import type { TableChange } from "../tables/table-change.ts"

/**
 * Where the rows a change could break are counted: the link's table as it is now, and the current
 * name of each column the change names (they differ when a key column is about to be renamed).
 */
export interface CountSource {
  table: string
  columns: ReadonlyMap<string, string>
}

/**
 * What sync will do to one link, as the diff decided it: typed, with no SQL, no counts and no
 * wording yet. `render-link-plan.ts` turns nodes into the plan people read and `apply` runs.
 */
export type LinkNode =
  | { kind: "noop"; link: ResolvedTableLink }
  | {
      kind: "create"
      link: ResolvedTableLink
      changes: TableChange[]
      /** A table of that name the registry does not know: adopted, only what differs changes. */
      adopting?: CountSource
      /** The registry knew the link but its table was gone. */
      tableMissing?: boolean
    }
  | {
      kind: "update"
      link: ResolvedTableLink
      recorded: RegistryRow
      changes: TableChange[]
      source: CountSource
    }
  | {
      kind: "rename"
      link: ResolvedTableLink
      /** The link as the registry knew it. */
      previous: RegistryRow
      changes: TableChange[]
      source: CountSource
    }
  | {
      kind: "delete"
      row: RegistryRow
      /** Absent when the table is already gone (only the registry row goes). */
      change?: TableChange
    }
