import fc from "fast-check"

/**
 * Strings an attacker or a careless caller would try: SQL metacharacters and comments, statement
 * stacking, dollar quoting, placeholders, NUL, lone surrogates, right-to-left marks, JavaScript
 * prototype names, path separators the field parser splits on, and LIKE wildcards.
 */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "'",
  '"',
  "''",
  '""',
  "\\",
  "\\'",
  ";",
  "--",
  "/*",
  "*/",
  "'; drop table product; --",
  '"; drop table "post"; --',
  'title"; drop table post; --',
  "' or '1'='1",
  "1 or 1=1",
  "x') union select version() --",
  "1; select pg_sleep(10)",
  "pg_sleep(10)",
  "$1",
  "$2::text",
  "$$",
  "$x$ drop table post $x$",
  "E'\\x00'",
  "\0",
  "a\0b",
  "title\0",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "*",
  "**",
  "*.*",
  ".",
  "..",
  "post.",
  ".title",
  "comments..body",
  "comments.*.body",
  "%",
  "_",
  "\\%",
  "%'%",
  "ñandú",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧",
  "\u202etxet",
  "\ud800",
  "\udfff\ud800",
  "\uffff",
  "\u0085\u2028\u2029",
  "null",
  "undefined",
  "NaN",
  "$eq",
  "$or",
  "$and",
  "$in",
  "$where",
  "$raw",
  "ASC; drop table post",
  "desc nulls first",
  "\n",
  "\t\r",
  ")",
  "((((",
  "x".repeat(63),
  "x".repeat(64),
  "é".repeat(40),
]

/** A few large ones, built once: cases stay cheap because the same strings are reused. */
export const HUGE_STRINGS: readonly string[] = [
  "A".repeat(200_000),
  "'; ".repeat(50_000),
  "\u00e9\u{1F600}".repeat(40_000),
  `${"(".repeat(10_000)}select 1${")".repeat(10_000)}`,
]

/** Names the schema does hold, so hostile text is also glued onto valid prefixes and suffixes. */
const VALID_NAMES = ["id", "title", "post", "product", "comments", "body", "metadata", "product_post"]

const joined = fc
  .array(fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...VALID_NAMES), fc.string()), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(""))

/** Any string, biased to the adversarial ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: joined },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
)

/** Own `__proto__` keys: a literal `{ __proto__: x }` would set the prototype instead. */
export function objectWith(key: string, value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true })
  return object
}

/** Wraps `leaf` `depth` times with `wrap`: operators, combinators or relations nested 100 deep. */
export function nest(
  depth: number,
  leaf: unknown,
  wrap: (inner: unknown, level: number) => unknown,
): unknown {
  let value = leaf
  for (let level = depth - 1; level >= 0; level--) value = wrap(value, level)
  return value
}

/** Values for value positions: hostile strings and everything else JavaScript can hand over. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Infinity, -0, 2 ** 63, true) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), 10n ** 40n, { deep: [1n] }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("$eq", "$in", "$and", "$or", "$ilike", "__proto__"), hostileString)
      .map(([key, leaf]) => objectWith(key, leaf)),
  },
)
