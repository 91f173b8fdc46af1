import { ModlinkError } from "../../errors/index.ts"
import type { ModelRuntime } from "../model-runtime.ts"
import type { ServiceContext } from "../service-context.ts"
import { prepareInserts, prepareUpdate } from "./prepare-rows.ts"
import { type Filters, idsOf, listRecords } from "./read.ts"
import { insertRows, updateRows } from "./write-rows.ts"

type Row = Record<string, unknown>

/**
 * Reads the written rows back through the query engine, in the order they were given; from the
 * primary, which has them (a replica may not yet).
 */
async function readBack(ctx: ServiceContext, runtime: ModelRuntime, ids: string[]): Promise<Row[]> {
  if (!ids.length) return []
  const { data } = await listRecords(
    ctx,
    runtime,
    { [runtime.primaryKey]: ids },
    {
      withDeleted: true,
      consistency: "primary",
    },
  )
  const byId = new Map(data.map((row) => [row[runtime.primaryKey], row]))
  return ids.map((id) => byId.get(id)!).filter(Boolean)
}

/** create<Models>(data | data[]): one INSERT for the whole batch; returns what was stored. */
export async function createRecords(ctx: ServiceContext, runtime: ModelRuntime, input: Row | Row[]) {
  const rows = Array.isArray(input) ? input : [input]
  const prepared = prepareInserts(runtime.model, runtime.fields, rows)
  const created = await insertRows(ctx.db, runtime, prepared)
  return Array.isArray(input) ? created : created[0]
}

/**
 * update<Models>(data | data[]) where each record carries its primary key, or
 * update<Models>({ selector, data }) to apply the same change to every matching record.
 */
export async function updateRecords(ctx: ServiceContext, runtime: ModelRuntime, input: unknown) {
  const { model, primaryKey } = runtime
  if (input && typeof input === "object" && !Array.isArray(input) && "selector" in input && "data" in input) {
    const { selector, data } = input as { selector: Filters; data: Row }
    const changes = prepareUpdate(model, runtime.fields, data, 0)
    const ids = await idsOf(ctx, runtime, selector)
    if (ids.length)
      await updateRows(
        ctx.db,
        runtime,
        ids.map((id) => ({ ...changes, [primaryKey]: id })),
      )
    return readBack(ctx, runtime, ids)
  }
  const rows = (Array.isArray(input) ? input : [input]) as Row[]
  const prepared = rows.map((row, index) => {
    if (!row || typeof row[primaryKey] !== "string") {
      throw new ModlinkError(
        "INVALID_INPUT",
        `Record ${index} for update${model.entityName} has no "${primaryKey}"`,
        {
          hint: `pass { ${primaryKey}, ...changes }, or { selector, data } to update by filter`,
        },
      )
    }
    return prepareUpdate(model, runtime.fields, row, index)
  })
  // A missing id rolls the whole batch back: half an update is worse than none.
  await ctx.db.transaction(async (tx) => {
    const updated = new Set(await updateRows(tx, runtime, prepared))
    const missing = prepared.map((r) => r[primaryKey] as string).filter((id) => !updated.has(id))
    if (missing.length) {
      throw new ModlinkError(
        "NOT_FOUND",
        `${model.entityName} ${primaryKey} not found: ${missing.slice(0, 10).join(", ")}`,
      )
    }
  })
  const result = await readBack(
    ctx,
    runtime,
    prepared.map((r) => r[primaryKey] as string),
  )
  return Array.isArray(input) ? result : result[0]
}
