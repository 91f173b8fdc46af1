import { expect, it } from "vitest"
import { countBreakingRows } from "../../../src/sync/links/count-breaking-rows.ts"
import type { TableChange } from "../../../src/sync/tables/table-change.ts"
import { describeBackends } from "../../support/backends.ts"
import { post, product, rowOf, tableLinks } from "./link-fixture.ts"

const [link] = tableLinks([[product, post]])

describeBackends(
  "countBreakingRows: the rows each change would break, counted in the table as it is",
  ({ db }) => {
    it("counts duplicates for a unique index, nulls for NOT NULL, rows for a delete; reads only", async () => {
      await db().exec(`
      create table pairs (product_id text, old_post_id text, note text);
      insert into pairs values ('p1', 'a', null), ('p1', 'b', null), ('p2', 'c', 'x');`)
      // The key column is about to be renamed old_post_id → post_id: the count reads the old name.
      const source = { table: "pairs", columns: new Map([["post_id", "old_post_id"]]) }
      const unique: TableChange = {
        kind: "add-index",
        table: link.table,
        index: { name: "u", columns: ["product_id"], unique: true },
      }
      const notNull: TableChange = {
        kind: "set-nullable",
        table: link.table,
        column: "note",
        nullable: false,
      }
      const postUnique: TableChange = {
        kind: "add-index",
        table: link.table,
        index: { name: "v", columns: ["post_id"], unique: true },
      }
      const harmless: TableChange = { kind: "drop-column", table: link.table, column: "note" }
      const counts = await countBreakingRows(db(), [
        {
          kind: "update",
          link,
          recorded: rowOf(link),
          changes: [unique, notNull, postUnique, harmless],
          source,
        },
        {
          kind: "delete",
          row: { ...rowOf(link), table: "pairs" },
          change: { kind: "drop-table", table: "pairs" },
        },
        { kind: "create", link, changes: [unique] },
      ])
      expect([...counts.changes]).toEqual([
        [unique, 2],
        [notNull, 2],
        [postUnique, 0],
      ])
      expect([...counts.deleted]).toEqual([["pairs", 3]])
      const { rows } = await db().query<{ n: number }>("select count(*)::int as n from pairs")
      expect(rows[0].n).toBe(3)
    })
  },
)
