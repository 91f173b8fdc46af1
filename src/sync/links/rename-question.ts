import type { ModelRef } from "../../link/model-ref.ts"
import type { LinkDescriptor, ResolvedTableLink } from "../../link/resolved-link.ts"
import type { RegistryRow } from "../catalog/link-registry.ts"
import type { LinkCatalog } from "../catalog/read-link-catalog.ts"

/**
 * A new link that may be a recorded one renamed: its table is not in the database, and recorded
 * links whose tables are there could be its old self. Pure data, handed to a `RenameResolver`.
 */
export interface RenameQuestion {
  link: ResolvedTableLink
  /** Recorded links it may be a rename of, their tables still there. */
  candidates: RegistryRow[]
  /**
   * What sync assumes when nobody is asked: the only candidate, or the only one with the same
   * extra columns; undefined when that is ambiguous (then a new table is created).
   */
  guess?: RegistryRow
}

/**
 * The recorded link that is this one under another table name, or the question whether it is a
 * rename at all. The same two models under another table name (`database.table` added, changed
 * or removed) is certain: `{ certain }`. One side identical and the other with only its module or
 * only its model changed, that old model gone from the app, is a guess: `{ question }`. Pure.
 */
export function renameQuestion(
  link: ResolvedTableLink,
  unclaimed: readonly RegistryRow[],
  catalog: LinkCatalog,
  models: readonly ModelRef[] | undefined,
): { certain: RegistryRow } | { question: RenameQuestion } | undefined {
  const tables = catalog.schema.tables
  if (tables.has(link.table)) return undefined
  const present = unclaimed.filter((row) => tables.has(row.table))
  const same = present.find((row) => sameDescriptor(row.descriptor, link.descriptor))
  if (same) return { certain: same }
  const candidates = present.filter((row) => isRenameOf(row.descriptor, link.descriptor, models))
  if (candidates.length === 0) return undefined
  const guess = guessAmong(link, candidates)
  return { question: { link, candidates, ...(guess ? { guess } : {}) } }
}

/** Several candidates: the one with the same extra columns, if only one has them. */
function guessAmong(link: ResolvedTableLink, candidates: RegistryRow[]): RegistryRow | undefined {
  if (candidates.length === 1) return candidates[0]
  const columns = (extra: { name: string }[]) => extra.map((c) => c.name).join(",")
  const alike = candidates.filter(
    (row) => columns(row.definition.extraColumns) === columns(link.extraColumns),
  )
  return alike.length === 1 ? alike[0] : undefined
}

function isRenameOf(
  old: LinkDescriptor,
  now: LinkDescriptor,
  models: readonly ModelRef[] | undefined,
): boolean {
  const sides = [
    ["fromModule", "fromModel"],
    ["toModule", "toModel"],
  ] as const
  const same = ([module, model]: (typeof sides)[number]) =>
    old[module] === now[module] && old[model] === now[model]
  const oneChanged = ([module, model]: (typeof sides)[number]) =>
    (old[module] === now[module]) !== (old[model] === now[model])
  // Without the list of models nothing proves the old model is gone: no guess.
  const gone = ([module, model]: (typeof sides)[number]) =>
    models !== undefined && !models.some((ref) => ref.module === old[module] && ref.model === old[model])
  const [from, to] = sides
  return (same(from) && oneChanged(to) && gone(to)) || (same(to) && oneChanged(from) && gone(from))
}

export function sameDescriptor(a: LinkDescriptor, b: LinkDescriptor): boolean {
  return (
    a.fromModule === b.fromModule &&
    a.fromModel === b.fromModel &&
    a.toModule === b.toModule &&
    a.toModel === b.toModel
  )
}
