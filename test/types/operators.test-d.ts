/**
 * Filter operators and values per field type (issue 12: "operators per field type"), on a service
 * over a model with one property of every DML type: what `query/parse/operators.ts` accepts at
 * run time is accepted, the rest is a compile error. Order and select keys on the same model.
 */
import { ModuleService, model } from "modlink"
import { describe, expectTypeOf, test } from "vitest"

const Everything = model.define("everything", {
  id: model.id({ prefix: "ev" }).primaryKey(),
  text: model.text(),
  number: model.number(),
  big: model.bigNumber(),
  float: model.float(),
  flag: model.boolean(),
  at: model.dateTime(),
  doc: model.json(),
  kind: model.enum(["a", "b"]),
  tags: model.array(),
  maybe: model.text().nullable(),
})
class EverythingService extends ModuleService({ Everything }) {}
const service = new EverythingService()

describe("operators per field type", () => {
  test("text and enum: equality, order, $like and $ilike", async () => {
    await service.listEverythings({ text: { $like: "a%", $ilike: "A%", $gt: "a", $in: ["a", "b"] } })
    await service.listEverythings({ kind: { $like: "a%", $ne: "b" }, id: { $in: ["ev_1"] } })
    // @ts-expect-error an enum takes its values
    await service.listEverythings({ kind: { $eq: "c" } })
    // @ts-expect-error $like takes a pattern string
    await service.listEverythings({ text: { $like: 1 } })
  })

  test("numbers: equality and order, no $like", async () => {
    await service.listEverythings({ number: { $gte: 1, $lt: 9 }, big: { $in: [1, 2] }, float: { $ne: 0.5 } })
    // @ts-expect-error $like is for text
    await service.listEverythings({ number: { $like: "1%" } })
    // @ts-expect-error $ilike is for text
    await service.listEverythings({ float: { $ilike: "1%" } })
    // @ts-expect-error a number field compares with numbers
    await service.listEverythings({ big: { $gt: "1" } })
  })

  test("dateTime: a Date or an ISO string, ordered", async () => {
    await service.listEverythings({ at: { $gt: new Date(), $lte: "2026-01-01" } })
    await service.listEverythings({ at: "2026-01-01" })
    // @ts-expect-error $like is for text
    await service.listEverythings({ at: { $like: "2026%" } })
    // @ts-expect-error a date compares with a Date or a string
    await service.listEverythings({ at: { $gt: 1 } })
  })

  test("boolean: equality only", async () => {
    await service.listEverythings({ flag: true })
    await service.listEverythings({ flag: { $ne: false } })
    // @ts-expect-error $gt is not for booleans
    await service.listEverythings({ flag: { $gt: true } })
    // @ts-expect-error a boolean field takes booleans
    await service.listEverythings({ flag: "yes" })
  })

  test("json: equality, or an object the document contains", async () => {
    await service.listEverythings({ doc: { $contains: { color: "red" } } })
    await service.listEverythings({ doc: null })
    // @ts-expect-error $gt is not for json
    await service.listEverythings({ doc: { $gt: 1 } })
    // @ts-expect-error $like is not for json
    await service.listEverythings({ doc: { $like: "%red%" } })
  })

  test("array: the array itself, $eq and $ne", async () => {
    await service.listEverythings({ tags: ["a", "b"] })
    await service.listEverythings({ tags: { $ne: ["a"] } })
    // @ts-expect-error $in is not for arrays
    await service.listEverythings({ tags: { $in: [["a"]] } })
    // @ts-expect-error $gt is not for arrays
    await service.listEverythings({ tags: { $gt: ["a"] } })
  })

  test("nullable: null is IS NULL; an unknown operator is an error", async () => {
    await service.listEverythings({ maybe: null, text: { $eq: null } })
    // @ts-expect-error not a field
    await service.listEverythings({ mayeb: null })
    // @ts-expect-error $regex is not an operator
    await service.listEverythings({ text: { $regex: "a" } })
    // @ts-expect-error $nor is not a combinator
    await service.listEverythings({ $nor: [{ flag: true }] })
  })
})

describe("select and order keys on every type", () => {
  test("select narrows to the named fields", async () => {
    expectTypeOf(await service.listEverythings({}, { select: ["at", "tags", "doc", "kind"] })).toEqualTypeOf<
      { id: string; at: Date; tags: string[]; doc: Record<string, unknown>; kind: "a" | "b" }[]
    >()
    // @ts-expect-error not a field
    await service.listEverythings({}, { select: ["tag"] })
  })

  test("order by any field, ASC or DESC in either case", async () => {
    await service.listEverythings({}, { order: { at: "DESC", flag: "asc", big: "ASC" } })
    // @ts-expect-error not a field
    await service.listEverythings({}, { order: { tag: "ASC" } })
    // @ts-expect-error a direction
    await service.listEverythings({}, { order: { at: "NEWEST" } })
  })

  test("read options", async () => {
    await service.listEverythings({}, { consistency: "primary" })
    // @ts-expect-error replica or primary
    await service.listEverythings({}, { consistency: "leader" })
  })
})
