import type { Database } from "../../db/database.ts"
import type { ModelRef } from "../../link/model-ref.ts"
import type { ResolvedLink, ResolvedTableLink } from "../../link/resolved-link.ts"
import { readLinkCatalog } from "../catalog/read-link-catalog.ts"
import { countBreakingRows } from "./count-breaking-rows.ts"
import { diffLinks } from "./diff-links.ts"
import type { LinkPlan } from "./link-plan.ts"
import { renderLinkPlan } from "./render-link-plan.ts"
import { type RenameResolver, resolveRenames } from "./resolve-renames.ts"

export interface PlanOptions {
  /**
   * Every model of the loaded modules. A module or model rename is only offered when the old one
   * is absent from this list: a recorded link whose model still exists was not renamed, and
   * taking it for one would move another model's ids. Without the list, no such rename is guessed.
   */
  models?: readonly ModelRef[]
  /** Asked whether a new link is a recorded one renamed; default: take sync's own guess. */
  resolveRename?: RenameResolver
}

/**
 * Compares the link definitions with the registry and the tables as they are, and says what sync
 * would do to each link, in stages that each hand one piece of data to the next: read the
 * catalog, settle renames, diff into typed nodes, count the rows a change would break, render
 * the plan. Only reads.
 */
export async function planLinkSync(
  db: Database,
  links: readonly ResolvedLink[],
  options: PlanOptions = {},
): Promise<LinkPlan> {
  const tableLinks = links.filter((link): link is ResolvedTableLink => !link.readOnly)
  const catalog = await readLinkCatalog(db, tableLinks)
  const renames = await resolveRenames(tableLinks, catalog, {
    models: options.models,
    resolve: options.resolveRename,
  })
  const nodes = diffLinks(tableLinks, catalog, renames)
  const counts = await countBreakingRows(db, nodes)
  return renderLinkPlan(nodes, counts, catalog.foreignTables)
}
