/**
 * Brings a result into one canonical form so modlink's answer and a hand-written one can be
 * compared: keys sorted, dates (Date objects, or PostgreSQL's `…123456+00:00` JSON text) as ISO
 * strings at millisecond precision, and lists of records sorted by id. Nested lists are always
 * sorted because `json_agg` without ORDER BY promises no order; the top-level list only when the
 * query itself had no order.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)$/

function byId(a: unknown, b: unknown): number {
  const left = String((a as Record<string, unknown>)?.id ?? "")
  const right = String((b as Record<string, unknown>)?.id ?? "")
  return left < right ? -1 : left > right ? 1 : 0
}

function normalizeValue(value: unknown, sortList: boolean): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === "string" && TIMESTAMP.test(value)) return new Date(value).toISOString()
  if (Array.isArray(value)) {
    const items = value.map((item) => normalizeValue(item, true))
    return sortList ? items.sort(byId) : items
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      out[key] = normalizeValue((value as Record<string, unknown>)[key], true)
    }
    return out
  }
  return value
}

export function normalize(value: unknown, options: { ordered: boolean }): unknown {
  return normalizeValue(value, !options.ordered)
}

/** The first place two normalized values differ, as a path and both sides, or undefined. */
export function firstDifference(left: unknown, right: unknown, path = "$"): string | undefined {
  if (Object.is(left, right)) return undefined
  const bothObjects = left && right && typeof left === "object" && typeof right === "object"
  if (!bothObjects || Array.isArray(left) !== Array.isArray(right)) {
    return `${path}: ${JSON.stringify(left)?.slice(0, 200)} ≠ ${JSON.stringify(right)?.slice(0, 200)}`
  }
  const l = left as Record<string, unknown>
  const r = right as Record<string, unknown>
  const keys = new Set([...Object.keys(l), ...Object.keys(r)])
  for (const key of keys) {
    if (!(key in l) || !(key in r)) return `${path}.${key}: present on one side only`
    const found = firstDifference(l[key], r[key], `${path}.${key}`)
    if (found) return found
  }
  return undefined
}

/** Throws when the two answers differ: a timing of a wrong answer must never be reported. */
export function assertSameAnswer(
  what: string,
  modlink: unknown,
  baseline: unknown,
  options: { ordered: boolean },
): void {
  const difference = firstDifference(normalize(modlink, options), normalize(baseline, options))
  if (difference) throw new Error(`${what}: modlink and the baseline disagree at ${difference}`)
}
