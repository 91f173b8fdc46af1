import { describe, expect, it } from "vitest"
import { sql } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { describeBackends } from "../support/backends.ts"

describe("sql helper", () => {
  it("turns values into numbered parameters and quotes identifiers", () => {
    const name = 'x"; drop table t; --'
    const q =
      sql`select ${sql.id("t0", "ti tle")} from ${sql.id("post")} where a = ${name} and b = ${2}`.compile()
    expect(q.text).toBe('select "t0"."ti tle" from "post" where a = $1 and b = $2')
    expect(q.values).toEqual([name, 2])
  })

  it("doubles quotes inside identifiers and refuses NUL", () => {
    expect(sql.id('we"ird').compile().text).toBe('"we""ird"')
    expect(() => sql.id("a\0b")).toThrow(/Invalid SQL identifier/)
  })

  it("joins fragments with their parameters renumbered", () => {
    const parts = [sql`a = ${1}`, sql`b = ${2}`]
    expect(sql`where ${sql.join(parts, " and ")}`.compile()).toEqual({
      text: "where a = $1 and b = $2",
      values: [1, 2],
    })
  })
})

describeBackends("Database", ({ db }) => {
  it("runs parameterised queries and keeps a hostile value as data", async () => {
    const evil = "'); drop table pg_class; --"
    const { rows } = await db().query<{ v: string }>(sql`select ${evil}::text as v`)
    expect(rows).toEqual([{ v: evil }])
  })

  it("commits a transaction that resolves", async () => {
    await db().exec("create table tx_ok (n int)")
    await db().transaction(async (tx) => {
      await tx.query("insert into tx_ok values (1)")
      await tx.query("insert into tx_ok values (2)")
    })
    const { rows } = await db().query<{ n: number }>("select count(*)::int as n from tx_ok")
    expect(rows[0].n).toBe(2)
  })

  it("rolls back everything when a statement fails halfway", async () => {
    await db().exec("create table tx_fail (n int primary key)")
    await expect(
      db().transaction(async (tx) => {
        await tx.query("insert into tx_fail values (1)")
        await tx.query("insert into tx_fail values (1)")
      }),
    ).rejects.toSatisfy((error: unknown) => isModlinkError(error) && error.details?.sqlState === "23505")
    const { rows } = await db().query<{ n: number }>("select count(*)::int as n from tx_fail")
    expect(rows[0].n).toBe(0)
  })

  it("runs a nested transaction call inside the outer one", async () => {
    await db().exec("create table tx_nested (n int)")
    await expect(
      db().transaction(async (tx) => {
        await tx.transaction(async (inner) => inner.query("insert into tx_nested values (1)"))
        throw new Error("outer fails")
      }),
    ).rejects.toThrow("outer fails")
    const { rows } = await db().query<{ n: number }>("select count(*)::int as n from tx_nested")
    expect(rows[0].n).toBe(0)
  })
})
