import { beforeAll, expect, it } from "vitest"
import { describeBackends } from "../support/backends.ts"
import { engineOn } from "./fixtures/engine.ts"
import { loadFixture } from "./fixtures/tables.ts"

/** Timestamps travel as epoch milliseconds: they must land on the millisecond the ISO text names. */
const STAMPS = [
  "2026-01-01T00:00:00.123999Z",
  "2026-01-01T00:00:00.000001Z",
  "2026-01-01T00:00:00.999999Z",
  "2026-01-01T00:00:00Z",
  "1969-12-31T23:59:59.999500Z",
  "1900-06-15T12:30:45.5Z",
  "2262-04-11T23:47:16.854775Z",
]

describeBackends("query.graph timestamps", ({ db }) => {
  beforeAll(async () => {
    await loadFixture(db(), { blog: true })
    for (const [i, stamp] of STAMPS.entries()) {
      await db().query("insert into note (id, text, created_at) values ($1, $2, $3)", [
        `ts_${i}`,
        stamp,
        stamp,
      ])
    }
  })

  it("turns every stored timestamp into the Date of its millisecond, before and after 1970", async () => {
    const { data } = await engineOn(db()).graph({
      entity: "note",
      fields: ["text", "created_at", "deleted_at"],
      filters: { id: { $like: "ts_%" } },
      pagination: { order: { id: "ASC" } },
    })
    expect(data.map((row) => [row.text, (row.created_at as Date).toISOString(), row.deleted_at])).toEqual(
      STAMPS.map((stamp) => [stamp, new Date(stamp).toISOString(), null]),
    )
  })
})
