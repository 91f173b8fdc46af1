import { type Database, type Sql, sql } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ResolvedTableLink } from "../resolved-link.ts"
import { type LinkGraph, linkableKeyOf } from "./link-graph.ts"
import type { LinkInput, LinkListInput, LinkRow, ListOptions } from "./link-input.ts"
import { jsonRecords, LEFT, linkRowColumns, RIGHT, toLinkRow } from "./link-rows.ts"
import { matchLinks } from "./match-link.ts"
import { readId } from "./record-ids.ts"

/** One input of `list` for one link: ids each side must be among; null means any. */
interface SideFilter {
  [LEFT]: string[] | null
  [RIGHT]: string[] | null
}

function readIds(value: unknown, where: string): string[] | null {
  if (value === undefined) return null
  const list = Array.isArray(value) ? value : [value]
  if (list.length === 0) {
    throw new ModlinkError("INVALID_INPUT", `${where} is an empty list`, {
      hint: "leave the side out (or pass {}) to match any id",
    })
  }
  return list.map((id, i) => readId(id, Array.isArray(value) ? `${where}[${i}]` : where))
}

/** Validates every input and groups their filters per link. */
function groupListInputs(inputs: readonly LinkListInput[], graph: LinkGraph) {
  const groups = new Map<string, { link: ResolvedTableLink; filters: SideFilter[] }>()
  inputs.forEach((input, index) => {
    const where = inputs.length > 1 ? `link.list input #${index}` : "link.list"
    for (const { link, left, right } of matchLinks(input, graph, where, false)) {
      const group = groups.get(link.table) ?? { link, filters: [] }
      group.filters.push({
        [LEFT]: readIds(left, `${where}: ${link.left.module}.${linkableKeyOf(link.left)}`),
        [RIGHT]: readIds(right, `${where}: ${link.right.module}.${linkableKeyOf(link.right)}`),
      })
      groups.set(link.table, group)
    }
  })
  return [...groups.values()]
}

/**
 * The JSON filter cannot use an index; when every input names ids on one side, `= any(all those
 * ids)` on that key column can, so listing one product's links does not scan the whole table.
 */
function indexedSide(link: ResolvedTableLink, filters: readonly SideFilter[]): Sql {
  for (const [side, column] of [
    [LEFT, link.left.key],
    [RIGHT, link.right.key],
  ] as const) {
    if (filters.every((f) => f[side] !== null)) {
      const ids = [...new Set(filters.flatMap((f) => f[side]!))]
      return sql` and t.${sql.id(column)} = any(${ids})`
    }
  }
  return sql.empty
}

/** `{ product: { product_id }, blog: { post_id }, data? }`: a row as `create` would take it back. */
function asLinkDefinition(link: ResolvedTableLink, row: LinkRow): LinkInput {
  const definition: LinkInput = {
    [link.left.module]: { [linkableKeyOf(link.left)]: row[link.left.key] },
    [link.right.module]: { [linkableKeyOf(link.right)]: row[link.right.key] },
  }
  if (link.extraColumns.length) definition.data = row.data
  return definition
}

/**
 * `link.list`: rows of the links the inputs name (an input naming one side only may match several
 * links: rows of each come back, tagged with `link`), one SELECT per link table. Each input is a row of
 * one JSON parameter, so thousands of inputs stay one statement.
 */
export async function listLinks(
  main: Database,
  graph: LinkGraph,
  inputs: readonly LinkListInput[],
  options: ListOptions = {},
): Promise<Array<LinkRow | LinkInput>> {
  const result: Array<LinkRow | LinkInput> = []
  for (const { link, filters } of groupListInputs(inputs, graph)) {
    const input = jsonRecords(filters, [
      [LEFT, "text[]"],
      [RIGHT, "text[]"],
    ])
    const matches = sql`(i.${sql.id(LEFT)} is null or t.${sql.id(link.left.key)} = any(i.${sql.id(LEFT)})) and (i.${sql.id(RIGHT)} is null or t.${sql.id(link.right.key)} = any(i.${sql.id(RIGHT)}))`
    const live = options.withDeleted ? sql.empty : sql` and t.deleted_at is null`
    const narrowed = indexedSide(link, filters)
    const { rows } = await main.query(
      sql`select ${linkRowColumns(link)} from ${sql.id(link.table)} t where exists (select 1 from ${input} where ${matches})${narrowed}${live} order by t.created_at, t.id`,
    )
    for (const row of rows) {
      const linkRow = toLinkRow(link, row)
      result.push(options.asLinkDefinition ? asLinkDefinition(link, linkRow) : linkRow)
    }
  }
  return result
}
