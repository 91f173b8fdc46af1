import type { GraphInput } from "../../query/query-input.ts"
import { UsageError } from "../run-command.ts"

/** The flags of `modlink query` as commander hands them over. */
export interface QueryFlags {
  fields: string
  filters?: string
  order?: string
  take?: string
  skip?: string
  withDeleted?: boolean
}

function parseJson(flag: string, text: string, example: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error)
    throw new UsageError(
      `--${flag} is not valid JSON: ${cause}`,
      `quote it for the shell: --${flag} '${example}'`,
    )
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`--${flag} must be a JSON object, got ${text}`, `e.g. --${flag} '${example}'`)
  }
  return value as Record<string, unknown>
}

function parseCount(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) {
    throw new UsageError(`--${flag} must be a whole number ≥ 0, got "${text}"`, `e.g. --${flag} 10`)
  }
  return value
}

/** Turns the command line into the `query.graph` input; the query engine checks names and operators. */
export function graphInput(entity: string, flags: QueryFlags): GraphInput {
  const fields = flags.fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean)
  if (fields.length === 0) throw new UsageError("--fields is empty", "e.g. --fields 'id,title,post.*'")
  const take = parseCount("take", flags.take)
  const skip = parseCount("skip", flags.skip)
  const order = flags.order ? parseJson("order", flags.order, '{"title":"ASC"}') : undefined
  const paginated = take !== undefined || skip !== undefined || order !== undefined
  return {
    entity,
    fields,
    ...(flags.filters ? { filters: parseJson("filters", flags.filters, '{"title":{"$ilike":"%a%"}}') } : {}),
    ...(paginated ? { pagination: { take, skip, order } } : {}),
    ...(flags.withDeleted ? { withDeleted: true } : {}),
  }
}
