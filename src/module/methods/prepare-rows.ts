import {
  type DmlModel,
  generateId,
  isDateText,
  isFiniteNumber,
  isIntegerIn,
  isNumericText,
  isScalarArray,
  isValidDate,
  jsonText,
} from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { EntityField } from "../../schema/index.ts"

type Row = Record<string, unknown>

/** Columns a caller may write: every field but the timestamps modlink manages. */
function writableFields(fields: ReadonlyMap<string, EntityField>): Map<string, EntityField> {
  const writable = new Map(fields)
  writable.delete("created_at")
  writable.delete("updated_at")
  writable.delete("deleted_at")
  return writable
}

function typeError(model: DmlModel, field: EntityField, value: unknown, expected: string): ModlinkError {
  // JSON.stringify throws on a bigint (and on a cycle): the message must not become a TypeError.
  let shown: string
  try {
    shown =
      typeof value === "string"
        ? JSON.stringify(value.slice(0, 60))
        : String(JSON.stringify(value) ?? value).slice(0, 60)
  } catch {
    shown = typeof value === "bigint" ? `${value}n` : `a ${typeof value} that is not JSON`
  }
  return new ModlinkError(
    "INVALID_INPUT",
    `Field "${field.name}" of ${model.name} expects ${expected}, got ${shown}`,
    {
      hint: field.nullable ? `pass ${expected} or null` : `pass ${expected}`,
    },
  )
}

/** Checks one value against its field type and returns what is sent to PostgreSQL as JSON. */
function checkValue(model: DmlModel, field: EntityField, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (!field.nullable) {
      throw new ModlinkError(
        "INVALID_INPUT",
        value === undefined
          ? `\`${field.name}\` is required (${model.name})`
          : `\`${field.name}\` of ${model.name} cannot be null`,
        { hint: `pass a value for ${field.name}: the field is not nullable` },
      )
    }
    return null
  }
  switch (field.type) {
    case "id":
    case "text":
      if (typeof value !== "string") throw typeError(model, field, value, "a string")
      if (value.includes("\0")) throw typeError(model, field, "NUL", "text without NUL characters")
      return value
    case "enum":
      if (typeof value !== "string" || !field.enumValues?.includes(value)) {
        throw typeError(
          model,
          field,
          value,
          `one of ${field.enumValues?.map((v) => JSON.stringify(v)).join(", ")}`,
        )
      }
      return value
    case "number":
      if (!isIntegerIn(value)) throw typeError(model, field, value, "an integer")
      return value
    case "float":
      if (!isFiniteNumber(value)) throw typeError(model, field, value, "a number")
      return value
    case "bigNumber":
      if (isFiniteNumber(value) || isNumericText(value)) return value
      throw typeError(model, field, value, "a number or a numeric string")
    case "boolean":
      if (typeof value !== "boolean") throw typeError(model, field, value, "true or false")
      return value
    case "dateTime":
      if (isValidDate(value)) return value.toISOString()
      if (isDateText(value)) return new Date(value).toISOString()
      throw typeError(model, field, value, "a Date or an ISO date string")
    case "array":
      if (!isScalarArray(value)) throw typeError(model, field, value, "an array of strings")
      return value.map(String)
    case "json":
      // A bigint or a cycle inside the document would only fail in the insert's JSON.stringify.
      if (jsonText(value) === undefined) {
        const shown = typeof value === "object" ? "(unserialisable)" : value
        throw typeError(model, field, shown, "a JSON value")
      }
      return value
  }
}

function checkKeys(model: DmlModel, row: Row, writable: Map<string, EntityField>, index: number): void {
  if (row === null || typeof row !== "object" || Array.isArray(row)) {
    throw new ModlinkError("INVALID_INPUT", `Record ${index} for ${model.name} is not an object`, {
      hint: `pass an object like { ${[...writable.keys()].slice(0, 3).join(", ")} }`,
    })
  }
  for (const key of Object.keys(row)) {
    if (!writable.has(key)) {
      throw new ModlinkError("UNKNOWN_FIELD", `Unknown field "${key}" for ${model.name} (record ${index})`, {
        hint: suggest(key, writable.keys(), "fields"),
      })
    }
  }
}

/**
 * Validates records for an insert and fills what the caller left out: generated ids and the
 * model's defaults. Everything is checked before any SQL runs, so a bad record rejects the batch.
 */
export function prepareInserts(
  model: DmlModel,
  fields: ReadonlyMap<string, EntityField>,
  rows: Row[],
): Row[] {
  const writable = writableFields(fields)
  return rows.map((row, index) => {
    checkKeys(model, row, writable, index)
    const out: Row = {}
    for (const [name, field] of writable) {
      let value = row[name]
      const property = model.properties.get(name)
      if (value === undefined && property) {
        if (property.type === "id") value = generateId(property.options.prefix)
        else if (property.hasDefault) {
          value =
            typeof property.defaultValue === "function" ? property.defaultValue() : property.defaultValue
        }
      }
      out[name] = checkValue(model, field, value)
    }
    return out
  })
}

/** Validates partial records for an update: only the given keys are checked and written. */
export function prepareUpdate(
  model: DmlModel,
  fields: ReadonlyMap<string, EntityField>,
  row: Row,
  index: number,
): Row {
  const writable = writableFields(fields)
  checkKeys(model, row, writable, index)
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) out[key] = checkValue(model, writable.get(key)!, value)
  return out
}
