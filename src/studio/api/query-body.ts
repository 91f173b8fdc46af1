import { ModlinkError, suggest } from "../../errors/index.ts"
import type { GraphInput } from "../../query/index.ts"

const KEYS = ["entity", "fields", "filters", "pagination", "nested", "withDeleted"] as const

/** Without a `take`, a page of this many records: the studio never streams a whole table. */
export const DEFAULT_TAKE = 100
/** The largest page the API serves. */
export const MAX_TAKE = 1000

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The body of `/api/query` and `/api/explain`: a `query.graph` input and nothing else (no SQL, no
 * option the app does not know). Keys and shapes are checked here; names, operators and values by
 * the query engine's own parse stage, exactly as for `app.query.graph`.
 */
export function readGraphInput(body: unknown): GraphInput {
  if (!isObject(body)) {
    throw new ModlinkError("INVALID_INPUT", "The query must be a JSON object", {
      hint: `give { ${KEYS.join(", ")} }`,
    })
  }
  for (const key of Object.keys(body)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new ModlinkError("INVALID_INPUT", `The query has an unknown key "${key}"`, {
        hint: suggest(key, KEYS, "query keys"),
      })
    }
  }
  if (typeof body.entity !== "string") {
    throw new ModlinkError("INVALID_INPUT", "The query needs `entity`, a model name or a link entry point", {
      hint: 'e.g. { "entity": "product", "fields": ["*"] }',
    })
  }
  const fields = body.fields ?? ["*"]
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== "string")) {
    throw new ModlinkError("INVALID_INPUT", "`fields` must be a list of field paths", {
      hint: 'e.g. ["title", "post.*"]',
    })
  }
  const pagination = body.pagination ?? {}
  if (!isObject(pagination)) {
    throw new ModlinkError("INVALID_INPUT", "`pagination` must be an object", {
      hint: '{ "skip": 0, "take": 20 }',
    })
  }
  const take = pagination.take ?? DEFAULT_TAKE
  if (typeof take !== "number" || take > MAX_TAKE) {
    throw new ModlinkError("INVALID_INPUT", `\`pagination.take\` must be a number up to ${MAX_TAKE}`, {
      hint: "page through larger results with `skip`",
    })
  }
  return {
    ...(body as unknown as GraphInput),
    fields: fields as string[],
    pagination: { ...pagination, take },
  }
}
