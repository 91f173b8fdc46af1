import { cardinalityOf, describeLink, type ResolvedTableLink } from "../../link/resolved-link.ts"
import type { RecordedLink, RegistryRow } from "../catalog/link-registry.ts"
import { renderChange } from "../tables/render-change.ts"
import type { TableChange } from "../tables/table-change.ts"
import type { BreakingRows } from "./count-breaking-rows.ts"
import type { LinkNode } from "./link-node.ts"
import type { LinkAction, LinkPlan, PlannedChange } from "./link-plan.ts"

/**
 * The last stage of planning: typed nodes and the counted rows become the plan people read and
 * `applyLinkPlan` runs: each change with its statement and wording, whether it asks, and the
 * warnings. Pure.
 */
export function renderLinkPlan(
  nodes: readonly LinkNode[],
  counts: BreakingRows,
  foreignTables: string[] = [],
): LinkPlan {
  const actions = nodes.map((node) => renderNode(node, counts))
  return foreignTables.length ? { actions, foreignTables } : { actions }
}

function renderNode(node: LinkNode, counts: BreakingRows): LinkAction {
  switch (node.kind) {
    case "noop":
      return action(node.link, "noop", [])
    case "create": {
      const changes = node.changes.map((change) => planned(change, counts))
      if (node.adopting) {
        const label = changes.length
          ? "create (adopts the existing table)"
          : "create (adopts the existing table as it is)"
        return action(node.link, "create", changes, { adopting: true, label })
      }
      return action(
        node.link,
        "create",
        changes,
        node.tableMissing ? { label: "create (the table was missing)" } : {},
      )
    }
    case "update": {
      const changes = node.changes.map((change) => planned(change, counts))
      const label = changes.length === 0 ? { label: "update (definition recorded)" } : {}
      return action(node.link, "update", changes, { ...label, recorded: node.recorded })
    }
    case "rename": {
      const { previous, link } = node
      const where = previous.table === link.table ? ", table kept" : ` (${previous.table})`
      return action(
        link,
        "rename",
        node.changes.map((change) => planned(change, counts)),
        { previous, label: `rename from ${describeLink(previous.descriptor)}${where}` },
      )
    }
    case "delete":
      return deleteAction(node, counts)
  }
}

function deleteAction(node: LinkNode & { kind: "delete" }, counts: BreakingRows): LinkAction {
  const { row } = node
  const base = {
    table: row.table,
    descriptor: row.descriptor,
    changes: [] as PlannedChange[],
    warnings: [] as string[],
    notes: [] as string[],
  }
  const label = (text: string) => `${describeLink(row.descriptor)} (${row.table}): ${text}`
  if (!node.change) {
    return { ...base, kind: "delete", safe: true, description: label("delete (the table is already gone)") }
  }
  const rows = counts.deleted.get(row.table) ?? 0
  return {
    ...base,
    kind: "delete",
    safe: false,
    description: label(`delete (${plural(rows, "row")})`),
    changes: [planned(node.change, counts)],
    warnings: rows > 0 ? [`${plural(rows, "link row")} in ${row.table} will be lost`] : [],
  }
}

function planned(change: TableChange, counts: BreakingRows): PlannedChange {
  const { description, statement, risk, condition } = renderChange(change)
  const result: PlannedChange = { description, statement, risk, safe: risk === "safe" }
  if (condition) result.rule = condition.kind
  const violating = counts.changes.get(change)
  if (violating !== undefined) result.violatingRows = violating
  // A NOT NULL column added to an empty table cannot fail and restricts nothing already written.
  if (result.rule === "empty" && result.violatingRows === 0) result.safe = true
  return result
}

function action(
  link: ResolvedTableLink,
  kind: Exclude<LinkAction["kind"], "delete">,
  changes: PlannedChange[],
  options: { previous?: RegistryRow; recorded?: RegistryRow; label?: string; adopting?: boolean } = {},
): LinkAction {
  const recorded = options.previous ?? options.recorded
  // Adopting a table another tool made for the same definition (Medusa's, which states the
  // cardinality but does not enforce it), a unique index no row breaks only enforces what the
  // definition already said: it runs without asking too.
  const graded = options.adopting
    ? changes.map((change) =>
        change.rule === "unique" && change.violatingRows === 0 ? { ...change, safe: true } : change,
      )
    : changes
  const safe = graded.every((change) => change.safe)
  const warnings = graded.flatMap((change) => {
    if (change.risk === "destructive") return [change.description]
    if (change.risk !== "may-fail") return []
    const rows =
      change.violatingRows === undefined ? "" : ` (${plural(change.violatingRows, "row")} violate it)`
    return [`${change.description}${rows}`]
  })
  const label = options.label ?? (kind === "update" && !safe ? "update (unsafe)" : kind)
  return {
    kind,
    safe,
    table: link.table,
    ...(options.previous
      ? { previousTable: options.previous.table, previousDescriptor: options.previous.descriptor }
      : {}),
    descriptor: link.descriptor,
    description: `${describeLink(link.descriptor)} (${link.table}): ${label}`,
    changes: graded,
    warnings,
    notes: recorded ? definitionNotes(recorded.definition, link) : [],
    link,
  }
}

/** What the definition changes beyond its statements, said the way the link file says it. */
function definitionNotes(previous: RecordedLink, link: ResolvedTableLink): string[] {
  const before = cardinalityOf(previous)
  const after = cardinalityOf(link)
  return before === after ? [] : [`cardinality ${before} → ${after}`]
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`
}
