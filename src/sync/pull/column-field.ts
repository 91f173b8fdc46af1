import type { FieldType } from "../../dml/field-type.ts"
import type { PropertyValue } from "../../dml/property.ts"
import type { ColumnSchema } from "../../dml/table-schema.ts"
import { canonicalType } from "../tables/normalize-sql.ts"
import type { PulledField } from "./pulled-module.ts"

/** Column types the DML writes, and the field type that writes each. */
const EXACT: Record<string, FieldType> = {
  text: "text",
  integer: "number",
  numeric: "bigNumber",
  real: "float",
  boolean: "boolean",
  "timestamp with time zone": "dateTime",
  jsonb: "json",
  "text[]": "array",
}

/** Types the DML cannot write, and the field type whose values read the same. */
const NEAREST: [RegExp, FieldType][] = [
  [/^(character varying|character)(\(\d+\))?$/, "text"],
  [/^(uuid|citext|inet|cidr|macaddr|xml|money|interval|time.*)$/, "text"],
  [/^(smallint)$/, "number"],
  [/^(bigint|numeric\(\d+(,\d+)?\))$/, "bigNumber"],
  [/^double precision$/, "float"],
  [/^(timestamp without time zone|timestamp.*|date)$/, "dateTime"],
  [/^json$/, "json"],
  [/\[\]$/, "array"],
]

/**
 * One column as a DML field: its type (or the nearest one, with a note that `db:generate` would
 * change the column to the DML's type), nullability and constant default.
 */
export function columnField(column: ColumnSchema, enumValues?: string[]): PulledField {
  const type = canonicalType(column.type)
  const field: PulledField = { name: column.name, type: "text", primaryKey: false, nullable: column.nullable }
  const notes: string[] = []
  if (enumValues && type === "text") {
    field.type = "enum"
    field.enumValues = enumValues
  } else if (EXACT[type]) {
    field.type = EXACT[type]
  } else {
    field.type = NEAREST.find(([pattern]) => pattern.test(type))?.[1] ?? "text"
    notes.push(`the column is ${column.type}; the DML writes ${field.type} columns otherwise`)
  }
  if (column.default !== undefined) {
    const value = constantDefault(column.default)
    if (value === undefined) notes.push(`default ${column.default} is not a constant: the DML cannot hold it`)
    else field.default = value
  }
  if (notes.length) field.note = notes.join("; ")
  return field
}

/** `'draft'::text` → "draft", `0` → 0, `true` → true, `'{}'::jsonb` → {}; undefined otherwise. */
export function constantDefault(expression: string): PropertyValue | undefined {
  const text = expression.trim()
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (/^\(?-?\d+(\.\d+)?\)?::[a-z ]+$/.test(text)) return Number(text.replace(/[()]/g, "").split("::")[0])
  if (text === "true" || text === "false") return text === "true"
  const quoted = /^'((?:[^']|'')*)'(?:::([a-z ]+))?$/.exec(text)
  if (!quoted) return undefined
  const value = quoted[1].replaceAll("''", "'")
  if (quoted[2] === "jsonb" || quoted[2] === "json") {
    try {
      return JSON.parse(value) as PropertyValue
    } catch {
      return undefined
    }
  }
  return value
}

/** `(status = ANY (ARRAY['a'::text, 'b'::text]))` → ["a", "b"] for `status`. */
export function enumCheck(expression: string): { column: string; values: string[] } | undefined {
  const match = /^\(*"?([a-z_][a-z0-9_]*)"?\s*=\s*ANY\s*\(\s*ARRAY\[(.*)\]\s*\)\s*\)*$/i.exec(
    expression.trim(),
  )
  if (!match) return undefined
  const values = [...match[2].matchAll(/'((?:[^']|'')*)'(?:::[a-z ]+)?/g)].map((m) =>
    m[1].replaceAll("''", "'"),
  )
  return values.length ? { column: match[1], values } : undefined
}
