/**
 * What a value must be to fit a column, written once for every place that checks values before
 * any SQL runs: module writes (`module/methods/prepare-rows.ts`), query filters
 * (`query/parse/filter-value.ts`) and link extra columns (`link/service/extra-data.ts`). Each of
 * those decides its own policy (a filter may coerce a number to text, a write may not); the test
 * of a value against what PostgreSQL will accept lives here, so the three cannot disagree on it.
 */

/** A plain `{…}` object: not an array, Date, class instance or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A string PostgreSQL can store as text: text values cannot hold a NUL character. */
export function isText(value: unknown): value is string {
  return typeof value === "string" && !value.includes("\0")
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value)
}

/** An integer within `[min, max]` (a 2- or 4-byte column's range) when a range is given. */
export function isIntegerIn(value: unknown, range?: readonly [number, number]): value is number {
  if (!Number.isInteger(value)) return false
  return !range || ((value as number) >= range[0] && (value as number) <= range[1])
}

/** What PostgreSQL's `numeric` input reads: `-12`, `3.25`, `.5`, `1e5`, spaces around allowed. */
const NUMERIC_TEXT = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/
const INTEGER_TEXT = /^-?\d+$/

export function isNumericText(value: unknown): value is string {
  return typeof value === "string" && NUMERIC_TEXT.test(value)
}

/** Integer text for a `bigint` beyond JavaScript's safe integers. */
export function isIntegerText(value: unknown): value is string {
  return typeof value === "string" && INTEGER_TEXT.test(value)
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime())
}

/** A string a timestamp can be read from (ISO 8601 above all); PostgreSQL casts it. */
export function isDateText(value: unknown): value is string {
  return isText(value) && !Number.isNaN(Date.parse(value))
}

/** The items an `array` field (`text[]`) holds: strings, or numbers written as text. */
export function isScalarArray(value: unknown): value is (string | number)[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")
}

/**
 * The value as JSON text for a `jsonb` column, or undefined when it is not a JSON value: a
 * function, symbol or undefined; a bigint or a cycle anywhere inside (JSON.stringify throws); a
 * `\u0000` in a string, which jsonb refuses.
 */
export function jsonText(value: unknown): string | undefined {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    return undefined
  }
  return text === undefined || text.includes("\\u0000") ? undefined : text
}
