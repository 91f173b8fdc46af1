/**
 * PostgreSQL prints back what it stored in its own words: `timestamptz` comes back as
 * `timestamp with time zone`, a default `'draft'` as `'draft'::text`, a check `s in ('a', 'b')` as
 * `(s = ANY (ARRAY['a'::text, 'b'::text]))`. Both sides of a comparison go through these functions
 * so that only real differences show up in a diff.
 */

const TYPE_ALIASES: Record<string, string> = {
  int: "integer",
  int4: "integer",
  int2: "smallint",
  int8: "bigint",
  bool: "boolean",
  float4: "real",
  float8: "double precision",
  float: "double precision",
  decimal: "numeric",
  varchar: "character varying",
  char: "character",
  timestamptz: "timestamp with time zone",
  timestamp: "timestamp without time zone",
  timetz: "time with time zone",
  time: "time without time zone",
}

/** `timestamptz` and `timestamp with time zone` → the same text; `numeric(10, 2)` → `numeric(10,2)`. */
export function canonicalType(type: string): string {
  const lower = type
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1")
  const match = /^([a-z0-9_ ]+?)(\(\d+(?:,\d+)?\))?((?:\[\])*)$/.exec(lower)
  if (!match) return lower
  const [, base, modifier = "", array] = match
  return `${TYPE_ALIASES[base] ?? base}${modifier}${array}`
}

const CAST =
  /::\s*(?:timestamp(?:\(\d+\))? with(?:out)? time zone|time(?:\(\d+\))? with(?:out)? time zone|character varying|double precision|bit varying|[a-z_][a-z0-9_]*)(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])*/g

/**
 * A comparable form of a SQL expression (default, check, index predicate): casts, identifier
 * quotes, case outside string literals, whitespace and parentheses are dropped; `x = any (array[…])`
 * reads as `x in (…)`; a quoted number is a number. Only used to compare, never to run.
 */
export function normalizeExpression(expression: string): string {
  const pieces = expression.split(/('(?:[^']|'')*')/)
  const normalized = pieces
    .map((piece, i) => {
      const literal = i % 2 === 1
      if (literal) return /^'-?\d+(\.\d+)?'$/.test(piece) ? piece.slice(1, -1) : piece
      return piece
        .toLowerCase()
        .replace(CAST, "")
        .replaceAll('"', "")
        .replace(/[\s()[\]]+/g, "")
        .replace(/=anyarray/g, "in")
        .replace(/current_timestamp/g, "now")
    })
    .join("")
  return normalized
}
