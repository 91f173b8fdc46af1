import {
  isDateText,
  isFiniteNumber,
  isNumericText,
  isScalarArray,
  isValidDate,
  jsonText,
} from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { Entity, EntityField } from "../../schema/index.ts"
import type { Operator } from "./operators.ts"

/** How a value reads in an error message, without dumping a huge or hostile value. */
export function describeValue(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  if (value instanceof Date) return "a Date"
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === "object") return "an object"
  return value === undefined ? "undefined" : `a ${typeof value}`
}

export function invalidFilter(entity: Entity, field: string, message: string, hint: string): ModlinkError {
  return new ModlinkError(
    "INVALID_FILTER",
    `Invalid filter on field "${field}" of ${entity.name}: ${message}`,
    {
      hint,
      details: { entity: entity.name, field },
    },
  )
}

/**
 * Checks one comparison value against the field type and returns what is bound as the parameter.
 * Lossless coercions are accepted (a number for a text field, a numeric string for a number, an ISO
 * string for a dateTime, which PostgreSQL casts); anything else is refused here, before any SQL.
 */
export function filterValue(entity: Entity, field: EntityField, op: Operator, value: unknown): unknown {
  const wrong = (expected: string) =>
    invalidFilter(
      entity,
      field.name,
      `${op} expects ${expected}, got ${describeValue(value)}`,
      `${field.name} is a ${field.type} field`,
    )
  switch (field.type) {
    case "id":
    case "text":
      if (typeof value === "string") return value
      if (isFiniteNumber(value) || typeof value === "bigint") return String(value)
      throw wrong("a string")
    case "enum":
      if (typeof value !== "string") throw wrong("a string")
      if (field.enumValues && op !== "$like" && op !== "$ilike" && !field.enumValues.includes(value)) {
        throw invalidFilter(
          entity,
          field.name,
          `${JSON.stringify(value)} is not one of its values`,
          suggest(value, field.enumValues, "values"),
        )
      }
      return value
    case "number":
    case "float":
    case "bigNumber":
      if (isFiniteNumber(value) || isNumericText(value)) return value
      if (typeof value === "bigint") return String(value)
      throw wrong("a number")
    case "boolean":
      if (typeof value === "boolean") return value
      throw wrong("true or false")
    case "dateTime":
      if (isValidDate(value)) return value
      // A string PostgreSQL could not cast would fail inside the statement with its own wording.
      if (isDateText(value)) return value
      if (typeof value === "number" && !Number.isNaN(new Date(value).getTime())) return new Date(value)
      throw wrong("a Date or an ISO date string such as 2026-05-01T10:00:00Z")
    case "json": {
      // Bound as text and cast to jsonb in SQL, so the comparison is on documents, not on spelling.
      const text = jsonText(value)
      if (text === undefined) throw wrong("a JSON value")
      return text
    }
    case "array":
      if (isScalarArray(value)) return value
      throw wrong("an array of strings or numbers")
  }
}
