import { expect, it } from "vitest"
import { renderChange } from "../../../src/sync/tables/render-change.ts"

it("renders a change node to its statement, its line and its grading, in one place", () => {
  expect(renderChange({ kind: "rename-table", table: "b", from: "a" })).toEqual({
    table: "b",
    statement: 'alter table "a" rename to "b"',
    risk: "safe",
    description: "rename table a → b",
    change: { kind: "rename-table", table: "b", from: "a" },
  })
  const widen = renderChange({
    kind: "alter-column-type",
    table: "t",
    column: { name: "id", type: "text", nullable: false },
    from: "character varying(255)",
  })
  expect([widen.risk, widen.description]).toEqual([
    "safe",
    "widen id from character varying(255) to text (no row rewritten)",
  ])
  const retype = renderChange({
    kind: "alter-column-type",
    table: "t",
    column: { name: "n", type: "integer", nullable: false },
    from: "text",
  })
  expect([retype.risk, retype.statement]).toEqual([
    "destructive",
    'alter table "t" alter column "n" type integer using "n"::integer',
  ])
  const check = renderChange({ kind: "add-check", table: "t", check: { name: "c", expression: "n > 0" } })
  expect([check.risk, check.condition]).toEqual(["may-fail", { kind: "check", expression: "n > 0" }])
  const fresh = renderChange({
    kind: "add-index",
    table: "t",
    index: { name: "u", columns: ["n"], unique: true },
    newTable: true,
  })
  expect([fresh.risk, fresh.condition]).toEqual(["safe", undefined])
  expect(renderChange({ kind: "drop-table", table: "t", cascade: true }).statement).toBe(
    'drop table if exists "t" cascade',
  )
})
