import { describe, expect, it } from "vitest"
import type { BreakingRows } from "../../../src/sync/links/count-breaking-rows.ts"
import { renderLinkPlan } from "../../../src/sync/links/render-link-plan.ts"
import { renderPlan } from "../../../src/sync/links/render-plan.ts"
import type { TableChange } from "../../../src/sync/tables/table-change.ts"
import { post, product, rowOf, tableLinks } from "./link-fixture.ts"

const [link] = tableLinks([[product, post]])
const none: BreakingRows = { changes: new Map(), deleted: new Map() }
const source = { table: link.table, columns: new Map<string, string>() }
const required: TableChange = {
  kind: "add-column",
  table: link.table,
  column: { name: "note", type: "text", nullable: false },
}
const unique: TableChange = {
  kind: "add-index",
  table: link.table,
  index: { name: "one_post", columns: ["post_id"], unique: true, where: "deleted_at is null" },
}

describe("renderLinkPlan: typed nodes and counts into the plan (pure)", () => {
  it("renders each change's statement and line, and asks about a rule existing rows may break", () => {
    const counts: BreakingRows = { changes: new Map([[unique, 2]]), deleted: new Map() }
    const plan = renderLinkPlan(
      [{ kind: "update", link, recorded: rowOf(link), changes: [unique], source }],
      counts,
    )
    const [action] = plan.actions
    expect(action.safe).toBe(false)
    expect(action.changes).toEqual([
      {
        description: "add unique index one_post on (post_id) where deleted_at is null",
        statement: `create unique index "one_post" on "${link.table}" ("post_id") where deleted_at is null`,
        risk: "may-fail",
        rule: "unique",
        violatingRows: 2,
        safe: false,
      },
    ])
    expect(renderPlan(plan)).toContain(
      "    ! add unique index one_post on (post_id) where deleted_at is null (2 rows violate it)",
    )
  })

  it("a NOT NULL column on an empty table runs without asking; on a table with rows it asks", () => {
    const node = { kind: "update" as const, link, recorded: rowOf(link), changes: [required], source }
    const empty = renderLinkPlan([node], { changes: new Map([[required, 0]]), deleted: new Map() })
    const full = renderLinkPlan([node], { changes: new Map([[required, 3]]), deleted: new Map() })
    expect(empty.actions[0].safe).toBe(true)
    expect(full.actions[0].safe).toBe(false)
    expect(full.actions[0].warnings).toEqual([
      "add column note text not null without a default (3 rows violate it)",
    ])
  })

  it("adopting a table: a unique index no row breaks runs without asking", () => {
    const counts: BreakingRows = { changes: new Map([[unique, 0]]), deleted: new Map() }
    const plan = renderLinkPlan([{ kind: "create", link, changes: [unique], adopting: source }], counts)
    expect(plan.actions[0]).toMatchObject({
      safe: true,
      description: `${"product.product <> blog.post"} (${link.table}): create (adopts the existing table)`,
    })
  })

  it("a delete says how many rows go, and the foreign tables are carried", () => {
    const row = rowOf(link)
    const plan = renderLinkPlan(
      [{ kind: "delete", row, change: { kind: "drop-table", table: link.table } }],
      { ...none, deleted: new Map([[link.table, 4]]) },
      ["cart_promotion"],
    )
    expect(plan.foreignTables).toEqual(["cart_promotion"])
    expect(plan.actions[0]).toMatchObject({
      kind: "delete",
      safe: false,
      description: `product.product <> blog.post (${link.table}): delete (4 rows)`,
      warnings: [`4 link rows in ${link.table} will be lost`],
      changes: [{ statement: `drop table if exists "${link.table}"`, risk: "destructive", safe: false }],
    })
  })
})
