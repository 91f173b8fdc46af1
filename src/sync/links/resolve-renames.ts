import type { ModelRef } from "../../link/model-ref.ts"
import type { ResolvedTableLink } from "../../link/resolved-link.ts"
import type { RegistryRow } from "../catalog/link-registry.ts"
import type { LinkCatalog } from "../catalog/read-link-catalog.ts"
import { type RenameQuestion, renameQuestion } from "./rename-question.ts"

/**
 * Answers "is this new link that recorded one, renamed?": the recorded link (its table and rows
 * are kept and renamed) or undefined (a new table; the old one is offered for deletion). Handed
 * to the planner, as Drizzle-kit does: a prompt in the CLI, a stub in tests.
 */
export type RenameResolver = (
  question: RenameQuestion,
) => RegistryRow | undefined | Promise<RegistryRow | undefined>

/** Takes sync's own guess: what runs where nobody can be asked (CI, scripts, tests). */
export const acceptGuess: RenameResolver = (question) => question.guess

/**
 * Pairs each new link with the recorded link it renames, if any, in definition order, so a
 * recorded link is claimed once. Returns the pairs by the new link's table. The only stage that
 * may wait on a person; it reads nothing from the database.
 */
export async function resolveRenames(
  links: readonly ResolvedTableLink[],
  catalog: LinkCatalog,
  options: { models?: readonly ModelRef[]; resolve?: RenameResolver } = {},
): Promise<Map<string, RegistryRow>> {
  const resolve = options.resolve ?? acceptGuess
  const defined = new Set(links.map((link) => link.table))
  const recorded = new Set(catalog.registry.map((row) => row.table))
  const unclaimed = new Map(
    catalog.registry.filter((row) => !defined.has(row.table)).map((row) => [row.table, row]),
  )
  const renames = new Map<string, RegistryRow>()
  for (const link of links) {
    if (recorded.has(link.table)) continue
    const found = renameQuestion(link, [...unclaimed.values()], catalog, options.models)
    if (!found) continue
    let row: RegistryRow | undefined
    if ("certain" in found) row = found.certain
    else {
      row = await resolve(found.question)
      if (row && !found.question.candidates.includes(row)) {
        throw new Error(`The rename resolver answered ${row.table}, not a candidate for ${link.table}`)
      }
    }
    if (!row) continue
    unclaimed.delete(row.table)
    renames.set(link.table, row)
  }
  return renames
}
