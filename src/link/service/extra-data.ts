import {
  isDateText,
  isFiniteNumber,
  isIntegerIn,
  isIntegerText,
  isNumericText,
  isPlainObject,
  isText,
  isValidDate,
  jsonText,
} from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { ExtraColumnType } from "../link-definition.ts"
import type { ResolvedExtraColumn, ResolvedTableLink } from "../resolved-link.ts"

const INT_RANGE: Partial<Record<ExtraColumnType, [number, number]>> = {
  tinyint: [-32768, 32767],
  smallint: [-32768, 32767],
  mediumint: [-2147483648, 2147483647],
  integer: [-2147483648, 2147483647],
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TIME_TEXT = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}(:?\d{2})?)?$/

/**
 * The value as it travels in the JSON parameter (`json_to_recordset` casts it to the column type),
 * or undefined when it does not fit the column. Dates become ISO text, bytes `\x` hex, big integers
 * text, so nothing is rounded on the way.
 */
function encode(column: ResolvedExtraColumn, value: unknown): unknown {
  const type = column.options.type
  const items = column.options.options?.items ?? []
  switch (type) {
    case "string":
    case "text":
      return isText(value) ? value : undefined
    case "enum":
      return isText(value) && items.includes(value) ? value : undefined
    case "uuid":
      return typeof value === "string" && UUID.test(value) ? value : undefined
    case "boolean":
      return typeof value === "boolean" ? value : undefined
    case "tinyint":
    case "smallint":
    case "mediumint":
    case "integer":
      return isIntegerIn(value, INT_RANGE[type]) ? value : undefined
    case "bigint":
      if (typeof value === "bigint") return value.toString()
      if (Number.isSafeInteger(value)) return value
      return isIntegerText(value) ? value : undefined
    case "float":
    case "double":
      return isFiniteNumber(value) ? value : undefined
    case "decimal":
      return isFiniteNumber(value) || isNumericText(value) ? value : undefined
    case "date":
    case "datetime":
      if (isValidDate(value)) return value.toISOString()
      return isDateText(value) ? value : undefined
    case "time":
      return typeof value === "string" && TIME_TEXT.test(value) ? value : undefined
    case "json":
      // Refused here, before anything is written, rather than by jsonb halfway through the batch.
      return jsonText(value) === undefined ? undefined : value
    case "array":
      return Array.isArray(value) && value.every(isText) ? value : undefined
    case "enumArray":
      return Array.isArray(value) && value.every((v) => isText(v) && items.includes(v)) ? value : undefined
    case "blob":
    case "uint8array":
      return value instanceof Uint8Array ? `\\x${Buffer.from(value).toString("hex")}` : undefined
  }
}

function expected(column: ResolvedExtraColumn): string {
  const items = column.options.options?.items
  if (items) return `${column.options.type === "enum" ? "one of" : "an array of"} ${items.join(", ")}`
  return `a ${column.options.type} value`
}

function describe(value: unknown): string {
  if (value === null) return "null"
  if (value instanceof Date) return "an invalid Date"
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object"
  return `${typeof value} ${String(value)}`
}

/**
 * Checks an input's `data` against the link's extra columns before anything is written: unknown
 * keys, wrong types and NULL in NOT NULL columns are refused. Returns encoded values by column name;
 * keys set to undefined count as not given.
 */
export function readExtraData(
  data: unknown,
  link: ResolvedTableLink,
  where: string,
  directionNote?: string,
): Map<string, unknown> {
  const values = new Map<string, unknown>()
  if (data === undefined) return values
  const note = directionNote ? `; ${directionNote}` : ""
  if (!isPlainObject(data)) {
    throw new ModlinkError("INVALID_INPUT", `${where}: data must be an object of extra columns`, {
      hint: `extra columns of ${link.entryPoint}: ${link.extraColumns.map((c) => c.property).join(", ") || "(none)"}${note}`,
    })
  }
  for (const [key, value] of Object.entries(data)) {
    const column = link.extraColumns.find((c) => c.property === key || c.name === key)
    if (!column) {
      const names = link.extraColumns.map((c) => c.property)
      throw new ModlinkError(
        "INVALID_INPUT",
        `${where}: link ${link.entryPoint} has no extra column "${key}"`,
        {
          hint: `${suggest(key, names, "extra columns")} (declared in ${link.file} under database.extraColumns)${note}`,
        },
      )
    }
    if (value === undefined) continue
    if (value === null) {
      if (!column.nullable) {
        throw new ModlinkError(
          "INVALID_INPUT",
          `${where}: data.${key} of link ${link.entryPoint} cannot be null`,
          {
            hint: `give ${expected(column)}, or declare it nullable: true`,
          },
        )
      }
      values.set(column.name, null)
      continue
    }
    const encoded = encode(column, value)
    if (encoded === undefined) {
      throw new ModlinkError(
        "INVALID_INPUT",
        `${where}: data.${key} of link ${link.entryPoint} must be ${expected(column)}, got ${describe(value)}`,
        { hint: `column "${column.name}" is ${column.type}` },
      )
    }
    values.set(column.name, encoded)
  }
  return values
}

/** Extra columns a new row cannot do without: NOT NULL and no default. */
export function requiredColumns(link: ResolvedTableLink): ResolvedExtraColumn[] {
  return link.extraColumns.filter((c) => !c.nullable && c.default === undefined)
}
