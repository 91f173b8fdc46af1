import { quoteIdent } from "../db/sql.ts"
import { toSnakeCase } from "../dml/names.ts"
import { ModlinkError, suggest } from "../errors/index.ts"
import type { ExtraColumnOptions, ExtraColumnType } from "./link-definition.ts"
import type { ResolvedExtraColumn } from "./resolved-link.ts"

/**
 * Medusa's `extraColumns` types mapped to valid PostgreSQL types. Where Medusa's ORM produced an
 * invalid (`mediumint`) or surprising (`date` → timestamptz, `enumArray` → varchar) type, the type
 * the name promises is used instead.
 */
export const EXTRA_COLUMN_TYPES: Record<ExtraColumnType, string> = {
  string: "text",
  text: "text",
  uuid: "uuid",
  boolean: "boolean",
  tinyint: "smallint",
  smallint: "smallint",
  mediumint: "integer",
  integer: "integer",
  bigint: "bigint",
  float: "real",
  double: "double precision",
  decimal: "numeric",
  date: "date",
  time: "time",
  datetime: "timestamptz",
  json: "jsonb",
  array: "text[]",
  enum: "text",
  enumArray: "text[]",
  blob: "bytea",
  uint8array: "bytea",
}

const NUMERIC: ReadonlySet<ExtraColumnType> = new Set([
  "tinyint",
  "smallint",
  "mediumint",
  "integer",
  "bigint",
  "float",
  "double",
  "decimal",
])

/**
 * The raw SQL defaults Medusa users write that stay accepted: numbers, booleans, null, a quoted
 * string (optionally cast to a plain type name) and the usual clock and uuid functions. Anything
 * else is never pasted into DDL.
 */
const RAW_DEFAULT =
  /^(?:-?\d+(?:\.\d+)?|true|false|null|'(?:[^'\0]|'')*'(?:::[a-z][a-z ]*(?:\[\])?)?|now\(\)|current_timestamp|current_date|current_time|gen_random_uuid\(\))$/i

/** Where the columns are declared, for messages: the link file and the link's name. */
export interface ExtraColumnContext {
  file: string
  link: string
  /** Column names the link table already has (`id`, key columns, timestamps). */
  reserved: string[]
}

export function resolveExtraColumns(
  columns: Record<string, ExtraColumnOptions> | undefined,
  context: ExtraColumnContext,
): ResolvedExtraColumn[] {
  const seen = new Map<string, string>()
  return Object.entries(columns ?? {}).map(([property, options]) => {
    const name = toSnakeCase(property)
    const where = `extra column "${property}" of link ${context.link} (${context.file})`
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
      throw new ModlinkError("INVALID_LINK", `Invalid name for the ${where}`, {
        hint: "use letters, digits and underscores, starting with a letter",
      })
    }
    if (context.reserved.includes(name)) {
      throw new ModlinkError("INVALID_LINK", `The ${where} is named like a column every link table has`, {
        hint: `these names are taken: ${context.reserved.join(", ")}; pick another name`,
      })
    }
    const clash = seen.get(name)
    if (clash) {
      throw new ModlinkError("INVALID_LINK", `The ${where} and "${clash}" both become column "${name}"`, {
        hint: "extra column names are stored in snake case: keep one of them",
      })
    }
    seen.set(name, property)
    return resolveColumn(name, property, options, where)
  })
}

function resolveColumn(
  name: string,
  property: string,
  options: ExtraColumnOptions,
  where: string,
): ResolvedExtraColumn {
  if (!Object.hasOwn(EXTRA_COLUMN_TYPES, options.type)) {
    throw new ModlinkError("INVALID_LINK", `Unknown type "${options.type}" for the ${where}`, {
      hint: suggest(options.type, Object.keys(EXTRA_COLUMN_TYPES), "valid types"),
    })
  }
  const type = EXTRA_COLUMN_TYPES[options.type]
  const items = enumItems(options, where)
  const column: ResolvedExtraColumn = { name, property, type, nullable: options.nullable ?? false, options }
  if (options.defaultValue !== undefined) column.default = defaultSql(options, items, where)
  if (items) {
    const list = items.map(quoteLiteral).join(", ")
    column.check =
      options.type === "enum"
        ? `${quoteIdent(name)} in (${list})`
        : `${quoteIdent(name)} <@ array[${list}]::text[]`
  }
  return column
}

function enumItems(options: ExtraColumnOptions, where: string): string[] | undefined {
  if (options.type !== "enum" && options.type !== "enumArray") return undefined
  const items = options.options?.items
  if (!Array.isArray(items) || items.length === 0 || !items.every((item) => typeof item === "string")) {
    throw new ModlinkError("INVALID_LINK", `The ${where} needs its allowed values`, {
      hint: `write { type: "${options.type}", options: { items: ["draft", "published"] } }`,
    })
  }
  return [...items]
}

/** The default as SQL: values are quoted, raw SQL is accepted only in the forms RAW_DEFAULT lists. */
function defaultSql(options: ExtraColumnOptions, items: string[] | undefined, where: string): string {
  const value = options.defaultValue
  const invalid = (why: string) =>
    new ModlinkError(
      "INVALID_LINK",
      `Invalid defaultValue ${JSON.stringify(value)} for the ${where}: ${why}`,
      {
        hint: 'write a value (0, true, "draft") or a simple SQL literal ("0", "\'draft\'", "now()")',
      },
    )
  if (typeof value === "number") {
    if (!Number.isFinite(value) || !NUMERIC.has(options.type)) throw invalid(`not a ${options.type}`)
    return String(value)
  }
  if (typeof value === "boolean") {
    if (options.type !== "boolean") throw invalid(`not a ${options.type}`)
    return String(value)
  }
  if (typeof value !== "string") throw invalid("expected a string, number or boolean")
  if (value.includes("\0")) throw invalid("NUL characters cannot be stored")
  if (items && options.type === "enum") {
    const item =
      value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value
    if (!items.includes(item)) throw invalid(`not one of ${items.join(", ")}`)
    return quoteLiteral(item)
  }
  if (RAW_DEFAULT.test(value.trim())) return value.trim()
  if (NUMERIC.has(options.type) || options.type === "boolean") throw invalid(`not a ${options.type} literal`)
  return quoteLiteral(value)
}

/** DDL takes no bind parameters: quotes are doubled, so the literal cannot end early. */
function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
