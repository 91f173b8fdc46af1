import { describe, expect, it } from "vitest"
import { assertSameAnswer, normalize } from "../../bench/measure/normalize.ts"

describe("bench answer check", () => {
  it("treats a Date and PostgreSQL's JSON timestamp text of the same instant as equal", () => {
    const modlink = { data: [{ id: "p1", created_at: new Date("2025-01-01T00:00:00.123Z") }] }
    const baseline = { data: [{ created_at: "2025-01-01T00:00:00.123456+00:00", id: "p1" }] }
    expect(() => assertSameAnswer("dates", modlink, baseline, { ordered: true })).not.toThrow()
  })

  it("ignores the order of nested lists, and of the top level only when the query had no order", () => {
    const a = [
      { id: "p1", notes: [{ id: "n1" }, { id: "n2" }] },
      { id: "p2", notes: [] },
    ]
    const b = [
      { id: "p2", notes: [] },
      { id: "p1", notes: [{ id: "n2" }, { id: "n1" }] },
    ]
    expect(() => assertSameAnswer("unordered", a, b, { ordered: false })).not.toThrow()
    expect(() => assertSameAnswer("ordered", a, b, { ordered: true })).toThrow(/\$\.0\.id/)
  })

  it("refuses a missing key, a different value and a missing record, naming where", () => {
    expect(() => assertSameAnswer("key", { id: "p1", post: null }, { id: "p1" }, { ordered: true })).toThrow(
      /\$\.post: present on one side only/,
    )
    expect(() => assertSameAnswer("value", { count: 10 }, { count: 9 }, { ordered: true })).toThrow(
      /\$\.count: 10 ≠ 9/,
    )
    expect(() =>
      assertSameAnswer("rows", [{ id: "a" }, { id: "b" }], [{ id: "a" }], { ordered: true }),
    ).toThrow(/\$\.1/)
  })

  it("sorts keys so column order does not matter", () => {
    expect(JSON.stringify(normalize({ b: 1, a: { d: 2, c: 3 } }, { ordered: true }))).toBe(
      '{"a":{"c":3,"d":2},"b":1}',
    )
  })
})
