import { ModlinkError } from "../errors/index.ts"

/**
 * A constant as SQL text, for DDL defaults and CHECK lists (DDL takes no bind parameters). Strings
 * are quoted with doubled quotes, so a default can never end the literal early.
 */
export function sqlLiteral(value: unknown, columnType: string): string {
  if (value === null) return "null"
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new ModlinkError("INVALID_MODEL", `Default ${value} is not a finite number`)
    return String(value)
  }
  if (typeof value === "boolean") return value ? "true" : "false"
  if (value instanceof Date) return `${quote(value.toISOString())}::timestamptz`
  if (typeof value === "string") return quote(value)
  if (columnType === "text[]" && Array.isArray(value))
    return `array[${value.map((v) => quote(String(v))).join(", ")}]::text[]`
  return `${quote(JSON.stringify(value))}::jsonb`
}

function quote(text: string): string {
  if (text.includes("\0"))
    throw new ModlinkError("INVALID_MODEL", "A default value cannot contain NUL characters")
  return `'${text.replaceAll("'", "''")}'`
}
