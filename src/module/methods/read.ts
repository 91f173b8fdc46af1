import { ModlinkError } from "../../errors/index.ts"
import type { ModelRuntime } from "../model-runtime.ts"
import type { ServiceContext } from "../service-context.ts"

/** Options of list/retrieve calls, as in Medusa's module services. */
export interface FindConfig {
  /** Fields to return (`"title"`, `"comments.body"`); all scalar fields when omitted. */
  select?: string[]
  /** Relations to include whole (`"comments"`, `"variants.options"`). */
  relations?: string[]
  order?: Record<string, unknown>
  skip?: number
  take?: number
  withDeleted?: boolean
  /** `"primary"` reads from the primary even when the module's database has read replicas. */
  consistency?: "replica" | "primary"
}

export type Filters = Record<string, unknown>

/** `relations: ["variants.options"]` includes the variants whole too, as in Medusa. */
function fieldsOf(config: FindConfig): string[] {
  const relations = (config.relations ?? []).flatMap((path) =>
    path.split(".").map((_, i, parts) => `${parts.slice(0, i + 1).join(".")}.*`),
  )
  return [...(config.select?.length ? config.select : ["*"]), ...relations]
}

/** list/listAndCount/retrieve run on the query engine: one SQL statement, relations included. */
export async function listRecords(
  ctx: ServiceContext,
  runtime: ModelRuntime,
  filters: Filters = {},
  config: FindConfig = {},
): Promise<{ data: Record<string, unknown>[]; count?: number }> {
  const paginated = config.skip !== undefined || config.take !== undefined
  const result = await ctx.query.graph(
    {
      entity: runtime.model.snakeName,
      fields: fieldsOf(config),
      filters,
      pagination:
        paginated || config.order ? { skip: config.skip, take: config.take, order: config.order } : undefined,
      withDeleted: config.withDeleted,
    },
    { consistency: config.consistency },
  )
  return { data: result.data, count: result.metadata?.count }
}

export async function retrieveRecord(
  ctx: ServiceContext,
  runtime: ModelRuntime,
  id: unknown,
  config: FindConfig = {},
): Promise<Record<string, unknown>> {
  if (typeof id !== "string" || !id) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `retrieve${runtime.model.entityName} needs a string id, got ${shown(id)}`,
    )
  }
  const { data } = await listRecords(
    ctx,
    runtime,
    { [runtime.primaryKey]: id },
    { ...config, skip: undefined, take: undefined },
  )
  if (!data.length) {
    throw new ModlinkError(
      "NOT_FOUND",
      `${runtime.model.entityName} with ${runtime.primaryKey} "${id}" was not found`,
    )
  }
  return data[0]
}

/** A selector is an id, a list of ids, or a filter object; writes need the matching ids. */
export async function idsOf(
  ctx: ServiceContext,
  runtime: ModelRuntime,
  selector: unknown,
  withDeleted = false,
): Promise<string[]> {
  if (typeof selector === "string") return [selector]
  if (Array.isArray(selector)) {
    if (selector.every((id) => typeof id === "string")) return [...new Set(selector as string[])]
    throw new ModlinkError("INVALID_INPUT", `Ids of ${runtime.model.name} must be strings`, {
      hint: 'pass "id", ["id1", "id2"] or a filter object like { title: "x" }',
    })
  }
  if (selector && typeof selector === "object") {
    // The ids a write acts on come from the primary: a replica may not have the latest rows yet.
    const { data } = await listRecords(ctx, runtime, selector as Filters, {
      select: [runtime.primaryKey],
      withDeleted,
      consistency: "primary",
    })
    return data.map((row) => row[runtime.primaryKey] as string)
  }
  throw new ModlinkError(
    "INVALID_INPUT",
    `Cannot select ${runtime.model.name} records with ${shown(selector)}`,
    {
      hint: 'pass "id", ["id1", "id2"] or a filter object like { title: "x" }',
    },
  )
}

/** A value for a message: JSON.stringify throws on a bigint or a cycle anywhere inside. */
function shown(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 60)
  } catch {
    return `a ${typeof value} that is not JSON`
  }
}
