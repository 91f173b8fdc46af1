import { expect, it } from "vitest"
import {
  isDateText,
  isIntegerIn,
  isNumericText,
  isPlainObject,
  isScalarArray,
  isText,
  jsonText,
} from "../../src/dml/field-values.ts"

it("numeric text is what PostgreSQL's numeric reads", () => {
  for (const ok of ["12", "-3.25", ".5", "5.", "1e5", " 7 "]) expect(isNumericText(ok), ok).toBe(true)
  for (const bad of ["", "1,5", "0x10", "NaN", "Infinity", "1e", 12])
    expect(isNumericText(bad), String(bad)).toBe(false)
})

it("a JSON value is one jsonb accepts: no function, bigint, cycle or \\u0000", () => {
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  expect(jsonText({ a: [1, "x"] })).toBe('{"a":[1,"x"]}')
  expect(jsonText(null)).toBe("null")
  for (const bad of [undefined, () => 1, Symbol("s"), 1n, { n: 1n }, cycle, "a\u0000b"]) {
    expect(jsonText(bad)).toBeUndefined()
  }
})

it("text, integers, dates, arrays and plain objects", () => {
  expect([isText("ok"), isText("a\0b"), isText(1)]).toEqual([true, false, false])
  expect([isIntegerIn(3), isIntegerIn(3.5), isIntegerIn(40000, [-32768, 32767])]).toEqual([
    true,
    false,
    false,
  ])
  expect([isDateText("2026-05-01T10:00:00Z"), isDateText("soon")]).toEqual([true, false])
  expect([isScalarArray(["a", 1]), isScalarArray([{}]), isScalarArray("a")]).toEqual([true, false, false])
  expect([
    isPlainObject({}),
    isPlainObject(Object.create(null)),
    isPlainObject([]),
    isPlainObject(new Date()),
  ]).toEqual([true, true, false, false])
})
