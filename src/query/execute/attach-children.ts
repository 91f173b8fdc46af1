import { compileChildFragment } from "../compile/compile-child-fragment.ts"
import { compilePivotHop } from "../compile/compile-lookup.ts"
import { batchKeyProperty } from "../compile/compile-object.ts"
import type { ChildFragment } from "../plan/fragment.ts"
import type { BatchedEdge, PlanNode } from "../plan/plan-node.ts"
import { BATCH_SIZE, chunks, keyOf } from "./batches.ts"
import { childRecords } from "./child-records.ts"
import { compileFor, type ExecuteContext } from "./execute-context.ts"
import { jsonRecord } from "./json-record.ts"
import { resolveLookups } from "./resolve-lookups.ts"
import { reviveDates } from "./revive-dates.ts"

type Row = Record<string, unknown>

/**
 * Fetches and attaches, under `records` of `node`, every child living on another database. Each such
 * edge costs one statement per batch of parents, never one per parent.
 */
export async function attachChildren(exec: ExecuteContext, node: PlanNode, records: Row[]): Promise<void> {
  if (records.length === 0) return
  for (const edge of node.edges) {
    if (edge.strategy === "batched-any") await attachBatched(exec, edge, records)
    else await attachChildren(exec, edge.node, childRecords(records, edge.edge.name))
  }
}

async function attachBatched(exec: ExecuteContext, child: BatchedEdge, parents: Row[]): Promise<void> {
  const { fragment, edge } = child
  const property = batchKeyProperty(edge.name)
  let wanted = parents.map((parent) => {
    const value = parent[property]
    delete parent[property]
    if (child.keySource === "pivot") return value as unknown[]
    return value === null || value === undefined ? [] : [value]
  })
  if (fragment.pivotHop) wanted = await hopThroughPivot(exec, fragment, wanted)
  await resolveLookups(exec, fragment.node)
  const { skip = 0, take } = fragment.node
  for (const batch of parentBatches(wanted)) {
    const records = await fetchRecords(exec, fragment, uniqueKeys(batch.map((i) => wanted[i])))
    const positions = new Map<string, number[]>()
    records.forEach(({ match }, position) => {
      const key = keyOf(match)
      const list = positions.get(key)
      if (list) list.push(position)
      else positions.set(key, [position])
    })
    for (const i of batch) {
      const keys = wanted[i]
      let found = keys.flatMap((key) => positions.get(keyOf(key)) ?? [])
      // Several keys per parent (pivot rows): restore the statement's sort order across them.
      if (keys.length > 1) found = [...new Set(found)].sort((a, b) => a - b)
      const list = found.map((position) => records[position].record)
      // Per-parent pagination across databases happens here, over the sorted matches.
      const page =
        skip > 0 || take !== undefined ? list.slice(skip, take === undefined ? undefined : skip + take) : list
      parents[i][edge.name] = edge.isList ? page : (page[0] ?? null)
    }
  }
}

/**
 * One statement per batch: the records matching the keys, with the key each matched. Their own
 * children on further databases are fetched for the whole batch at once.
 */
async function fetchRecords(
  exec: ExecuteContext,
  fragment: ChildFragment,
  keys: unknown[],
): Promise<Array<{ record: Row; match: unknown }>> {
  if (keys.length === 0) return []
  const ctx = compileFor(exec)
  const db = exec.database(fragment.database, fragment.node.entity.name)
  const { rows } = await db.query<{ j: unknown; m: unknown }>(compileChildFragment(ctx, fragment, keys))
  const records = rows.map((row) => jsonRecord(row.j))
  reviveDates(fragment.node, records)
  await attachChildren(exec, fragment.node, records)
  return rows.map((row, i) => ({ record: records[i], match: row.m }))
}

/** The pivot lives on a third database: map each parent's key to its target keys, batch by batch. */
async function hopThroughPivot(
  exec: ExecuteContext,
  fragment: ChildFragment,
  wanted: unknown[][],
): Promise<unknown[][]> {
  const { database, through } = fragment.pivotHop!
  const targets = new Map<string, unknown[]>()
  for (const keys of chunks(uniqueKeys(wanted))) {
    const ctx = compileFor(exec)
    const { rows } = await exec
      .database(database, through.table)
      .query<{ s: unknown; t: unknown }>(compilePivotHop(ctx, through, keys))
    for (const { s, t } of rows) {
      const list = targets.get(keyOf(s))
      if (list) list.push(t)
      else targets.set(keyOf(s), [t])
    }
  }
  return wanted.map((keys) => keys.flatMap((key) => targets.get(keyOf(key)) ?? []))
}

/**
 * Parents grouped so each group asks for at most BATCH_SIZE keys (a parent with more goes alone).
 * A parent's keys never straddle two statements, so its sorted matches come from one result.
 */
function parentBatches(wanted: unknown[][]): number[][] {
  const batches: number[][] = []
  let current: number[] = []
  let size = 0
  wanted.forEach((keys, i) => {
    if (current.length > 0 && size + keys.length > BATCH_SIZE) {
      batches.push(current)
      current = []
      size = 0
    }
    current.push(i)
    size += keys.length
  })
  if (current.length > 0) batches.push(current)
  return batches
}

function uniqueKeys(lists: unknown[][]): unknown[] {
  const seen = new Map<string, unknown>()
  for (const keys of lists)
    for (const key of keys) if (key !== null && key !== undefined) seen.set(keyOf(key), key)
  return [...seen.values()]
}
