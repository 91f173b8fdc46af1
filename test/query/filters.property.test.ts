import fc from "fast-check"
import { beforeAll, expect, it } from "vitest"
import { sql } from "../../src/db/index.ts"
import type { FieldType } from "../../src/dml/field-type.ts"
import { createQueryEngine, type QueryEngine } from "../../src/query/index.ts"
import type { Edge, Entity, EntityField } from "../../src/schema/index.ts"
import { SchemaGraph } from "../../src/schema/index.ts"
import { describeBackends } from "../support/backends.ts"

/**
 * Random filter trees against an in-memory evaluation of the same rows. The evaluator below is the
 * specification: `$ne`/`$nin` keep nulls, every other comparison is false on null, an empty `$or`
 * matches nothing, a relation filter keeps roots with at least one live related row matching it.
 */

type Row = Record<string, any>
type Filter = Record<string, unknown>

interface Dataset {
  items: Row[]
  parts: Row[]
  groups: Row[]
  links: Row[]
}

const word = fc.stringMatching(/^[a-d]{0,3}$/)
const DATES = [
  new Date("2024-01-01T00:00:00Z"),
  new Date("2024-06-15T12:00:00Z"),
  new Date("2025-02-01T08:00:00Z"),
]
const date = fc.constantFrom(...DATES)
const deleted = fc.constantFrom(null, null, null, null, DATES[0])

const dataset: fc.Arbitrary<Dataset> = fc
  .record({
    items: fc.array(
      fc.record({
        name: fc.option(word),
        n: fc.option(fc.integer({ min: 0, max: 5 })),
        flag: fc.boolean(),
        at: fc.option(date),
        deleted_at: deleted,
      }),
      { minLength: 8, maxLength: 14 },
    ),
    parts: fc.array(
      fc.record({
        item: fc.nat(13),
        label: fc.option(word),
        qty: fc.integer({ min: 0, max: 9 }),
        deleted_at: deleted,
      }),
      { maxLength: 25 },
    ),
    groups: fc.array(fc.record({ title: word, deleted_at: deleted }), { minLength: 3, maxLength: 5 }),
    links: fc.uniqueArray(fc.record({ item: fc.nat(13), group: fc.nat(4), deleted_at: deleted }), {
      maxLength: 20,
      selector: (link) => `${link.item}:${link.group}`,
    }),
  })
  .map(({ items, parts, groups, links }) => ({
    items: items.map((item, i) => ({ id: `i${i}`, ...item })),
    parts: parts
      .filter((part) => part.item < items.length)
      .map((part, i) => ({ id: `t${i}`, item_id: `i${part.item}`, ...part })),
    groups: groups.map((group, i) => ({ id: `g${i}`, ...group })),
    links: links
      .filter((link) => link.item < items.length && link.group < groups.length)
      .map((link, i) => ({
        id: `l${i}`,
        item_id: `i${link.item}`,
        group_id: `g${link.group}`,
        deleted_at: link.deleted_at,
      })),
  }))

// --- the schema graph of the property fixture -------------------------------------------------

function entity(name: string, table: string, specs: Array<[string, FieldType]>): Entity {
  const fields = new Map<string, EntityField>(
    [...specs, ["deleted_at", "dateTime"] as [string, FieldType]].map(([field, type]) => [
      field,
      { name: field, column: field, type, nullable: true },
    ]),
  )
  return {
    name,
    module: "prop",
    database: "main",
    table,
    primaryKey: ["id"],
    fields,
    edges: new Map(),
    softDelete: true,
    kind: "model",
  }
}

function propertyGraph(): SchemaGraph {
  const item = entity("item", "prop_item", [
    ["id", "id"],
    ["name", "text"],
    ["n", "number"],
    ["flag", "boolean"],
    ["at", "dateTime"],
  ])
  const part = entity("part", "prop_part", [
    ["id", "id"],
    ["item_id", "id"],
    ["label", "text"],
    ["qty", "number"],
  ])
  const group = entity("group", "prop_group", [
    ["id", "id"],
    ["title", "text"],
  ])
  const edges = item.edges as Map<string, Edge>
  edges.set("parts", {
    name: "parts",
    kind: "relation",
    source: "item",
    target: "part",
    isList: true,
    sourceColumn: "id",
    targetColumn: "item_id",
  })
  edges.set("groups", {
    name: "groups",
    kind: "link",
    source: "item",
    target: "group",
    isList: true,
    sourceColumn: "id",
    targetColumn: "id",
    through: {
      table: "prop_item_group",
      database: "main",
      sourceColumn: "item_id",
      targetColumn: "group_id",
      softDelete: true,
      link: "item_group",
    },
  })
  return new SchemaGraph(
    new Map([
      ["item", item],
      ["part", part],
      ["group", group],
    ]),
  )
}

// --- random filters -----------------------------------------------------------------------------

const pattern = fc
  .array(fc.constantFrom("%", "_", "a", "b", "c", "A", "B"), { maxLength: 4 })
  .map((parts) => parts.join(""))

function condition<T>(value: fc.Arbitrary<T>, ordered: boolean, text: boolean): fc.Arbitrary<unknown> {
  const ops: Array<fc.Arbitrary<unknown>> = [
    value,
    fc.constant(null),
    fc.array(fc.option(value, { freq: 5 }), { maxLength: 3 }),
    value.map((v) => ({ $eq: v })),
    fc.option(value, { freq: 3 }).map((v) => ({ $ne: v })),
    fc.array(fc.option(value, { freq: 5 }), { maxLength: 3 }).map((v) => ({ $in: v })),
    fc.array(fc.option(value, { freq: 5 }), { maxLength: 3 }).map((v) => ({ $nin: v })),
  ]
  if (ordered) {
    for (const op of ["$gt", "$gte", "$lt", "$lte"]) ops.push(value.map((v) => ({ [op]: v })))
    ops.push(fc.tuple(value, value).map(([low, high]) => ({ $gte: low, $lt: high })))
  }
  if (text) for (const op of ["$like", "$ilike"]) ops.push(pattern.map((v) => ({ [op]: v })))
  return fc.oneof(...ops)
}

const FIELD_CONDITIONS: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  item: {
    id: condition(fc.constantFrom("i0", "i1", "i2", "i3", "i9"), true, true),
    name: condition(word, true, true),
    n: condition(fc.integer({ min: -1, max: 6 }), true, false),
    flag: condition(fc.boolean(), false, false),
    at: condition(date, true, false),
  },
  part: { label: condition(word, true, true), qty: condition(fc.integer({ min: 0, max: 9 }), true, false) },
  group: {
    title: condition(word, true, true),
    id: condition(fc.constantFrom("g0", "g1", "g2"), false, false),
  },
}

function filterOf(level: "item" | "part" | "group", depth: number): fc.Arbitrary<Filter> {
  const leaf = fc.oneof(
    ...Object.entries(FIELD_CONDITIONS[level]).map(([field, cond]) => cond.map((c) => ({ [field]: c }))),
  )
  if (depth === 0) return leaf
  const options: Array<fc.Arbitrary<Filter>> = [
    leaf,
    fc.array(filterOf(level, depth - 1), { maxLength: 3 }).map((items) => ({ $and: items })),
    fc.array(filterOf(level, depth - 1), { maxLength: 3 }).map((items) => ({ $or: items })),
    fc.tuple(leaf, leaf).map(([a, b]) => ({ ...b, ...a })),
  ]
  if (level === "item") {
    options.push(filterOf("part", depth - 1).map((f) => ({ parts: f })))
    options.push(filterOf("group", depth - 1).map((f) => ({ groups: f })))
  }
  return fc.oneof(...options)
}

// --- the in-memory specification ------------------------------------------------------------------

const plain = (v: unknown) => (v instanceof Date ? v.getTime() : v)

function likeToRegExp(like: string, insensitive: boolean): RegExp {
  const body = [...like]
    .map((ch) => (ch === "%" ? ".*" : ch === "_" ? "." : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("")
  return new RegExp(`^${body}$`, insensitive ? "si" : "s")
}

function matchesCondition(raw: unknown, cond: unknown): boolean {
  const value = plain(raw)
  if (cond === null) return value === null
  if (Array.isArray(cond)) return matchesCondition(raw, { $in: cond })
  if (typeof cond !== "object" || cond instanceof Date) return value !== null && value === plain(cond)
  return Object.entries(cond as Record<string, unknown>).every(([op, operand]) => {
    const x = plain(operand) as any
    switch (op) {
      case "$eq":
        return x === null ? value === null : value !== null && value === x
      case "$ne":
        return x === null ? value !== null : value === null || value !== x
      case "$in": {
        const list = (operand as unknown[]).map(plain)
        return value === null ? list.includes(null) : list.includes(value)
      }
      case "$nin": {
        const list = (operand as unknown[]).map(plain)
        return value === null ? !list.includes(null) : !list.includes(value)
      }
      case "$gt":
        return value !== null && (value as any) > x
      case "$gte":
        return value !== null && (value as any) >= x
      case "$lt":
        return value !== null && (value as any) < x
      case "$lte":
        return value !== null && (value as any) <= x
      case "$like":
        return value !== null && likeToRegExp(x, false).test(String(value))
      case "$ilike":
        return value !== null && likeToRegExp(x, true).test(String(value))
    }
    throw new Error(`no evaluation for ${op}`)
  })
}

function matches(data: Dataset, level: string, row: Row, filter: Filter, withDeleted: boolean): boolean {
  const live = (r: Row) => withDeleted || r.deleted_at === null
  return Object.entries(filter).every(([key, cond]) => {
    if (key === "$and") return (cond as Filter[]).every((f) => matches(data, level, row, f, withDeleted))
    if (key === "$or") return (cond as Filter[]).some((f) => matches(data, level, row, f, withDeleted))
    if (level === "item" && key === "parts") {
      return data.parts.some(
        (part) =>
          part.item_id === row.id && live(part) && matches(data, "part", part, cond as Filter, withDeleted),
      )
    }
    if (level === "item" && key === "groups") {
      return data.links.some((link) => {
        const group = data.groups.find((g) => g.id === link.group_id)!
        return (
          link.item_id === row.id &&
          live(link) &&
          live(group) &&
          matches(data, "group", group, cond as Filter, withDeleted)
        )
      })
    }
    return matchesCondition(row[key], cond)
  })
}

// --- the property ----------------------------------------------------------------------------------

async function load(
  db: ReturnType<Parameters<Parameters<typeof describeBackends>[1]>[0]["db"]>,
  data: Dataset,
): Promise<void> {
  await db.exec(`
    create table prop_item (id text primary key, name text, n integer, flag boolean not null, at timestamptz, deleted_at timestamptz);
    create table prop_part (id text primary key, item_id text not null, label text, qty integer not null, deleted_at timestamptz);
    create table prop_group (id text primary key, title text not null, deleted_at timestamptz);
    create table prop_item_group (id text not null, item_id text not null, group_id text not null, deleted_at timestamptz,
      primary key (item_id, group_id));`)
  for (const item of data.items) {
    await db.query(
      sql`insert into prop_item values (${item.id}, ${item.name}, ${item.n}, ${item.flag}, ${item.at}, ${item.deleted_at})`,
    )
  }
  for (const part of data.parts) {
    await db.query(
      sql`insert into prop_part values (${part.id}, ${part.item_id}, ${part.label}, ${part.qty}, ${part.deleted_at})`,
    )
  }
  for (const group of data.groups)
    await db.query(sql`insert into prop_group values (${group.id}, ${group.title}, ${group.deleted_at})`)
  for (const link of data.links) {
    await db.query(
      sql`insert into prop_item_group values (${link.id}, ${link.item_id}, ${link.group_id}, ${link.deleted_at})`,
    )
  }
}

describeBackends("random filters against an in-memory evaluation", ({ db }) => {
  const seed = Number(process.env.MODLINK_PROPERTY_SEED ?? 20240611)
  const [data] = fc.sample(dataset, { seed, numRuns: 1 })
  let query: QueryEngine

  beforeAll(async () => {
    await load(db(), data)
    query = createQueryEngine({ graph: propertyGraph(), databases: new Map([["main", db()]]) })
  })

  it("returns exactly the rows the specification selects", async () => {
    await fc.assert(
      fc.asyncProperty(filterOf("item", 3), fc.boolean(), async (filters, withDeleted) => {
        const { data: rows } = await query.graph({ entity: "item", fields: ["id"], filters, withDeleted })
        const expected = data.items.filter(
          (item) =>
            (withDeleted || item.deleted_at === null) && matches(data, "item", item, filters, withDeleted),
        )
        expect(rows.map((row) => row.id).sort()).toEqual(expected.map((item) => item.id).sort())
      }),
      { numRuns: 200, seed },
    )
  })
})
