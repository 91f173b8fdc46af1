import type { Database } from "../../db/index.ts"
import { compileRoot } from "../compile/compile-root.ts"
import type { QueryPlan } from "../plan/fragment.ts"
import { attachChildren } from "./attach-children.ts"
import { compileFor, executeContext } from "./execute-context.ts"
import { jsonRecord } from "./json-record.ts"
import { resolveLookups } from "./resolve-lookups.ts"
import { reviveDates } from "./revive-dates.ts"

type Row = Record<string, unknown>

/**
 * Rows per FETCH. Each chunk is one round trip and, with children on other databases, one child
 * statement per edge; 1,000 roots keep both the trips and the memory of a chunk small.
 */
export const STREAM_CHUNK = 1000

/**
 * The execute stage for `query.stream`: the root statement `executePlan` runs, read through a
 * cursor chunk by chunk. Each chunk is finished like a whole `graph` result (dates revived,
 * children from other databases fetched for the chunk and stitched) before its records are
 * yielded, so memory is bounded by the chunk, not by the number of roots.
 */
export async function* streamPlan(
  plan: QueryPlan,
  databases: ReadonlyMap<string, Database>,
  chunkSize = STREAM_CHUNK,
): AsyncGenerator<Row> {
  const exec = executeContext(databases, plan.withDeleted)
  const { root } = plan
  await resolveLookups(exec, root.node)
  const ctx = compileFor(exec)
  const db = exec.database(root.database, root.node.entity.name)
  for await (const rows of db.cursor<{ j: unknown }>(compileRoot(ctx, root), chunkSize)) {
    const records = rows.map((row) => jsonRecord(row.j))
    reviveDates(root.node, records)
    await attachChildren(exec, root.node, records)
    yield* records
  }
}
