import { describe, expect, it } from "vitest"
import { firstDifference, normalize } from "../../bench/measure/normalize.ts"
import { readPairs } from "../../bench/medusa/cases.ts"
import { PRODUCT_COLUMNS } from "../../bench/ops/columns.ts"
import type { App } from "../../src/app/index.ts"

// `compared` and the inputs never touch the app: only the modlink side's `run` does.
const pairs = readPairs({} as App, { listing: true, filter: true })
const byName = (name: string) => {
  const pair = pairs.find((p) => p.name === name)
  if (!pair) throw new Error(`no pair ${name}`)
  return pair
}

function product(i: number, at: Date | string) {
  const record: Record<string, unknown> = Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, null]))
  return { ...record, id: `prod_${i}`, title: `Product ${i}`, created_at: at, updated_at: at }
}

const at = new Date("2025-01-01T00:00:00Z")
const post = (i: number, when: Date | string) => ({
  id: `post_${i}`,
  title: `Post ${i}`,
  body: null,
  created_at: when,
  updated_at: when,
  deleted_at: null,
})
const modlinkPage = {
  data: [{ ...product(1, at), post: post(1, at) }],
  metadata: { count: 1, skip: 0, take: 100 },
}
// Medusa's `*` adds `type` and `collection`; over the wire its dates are ISO strings.
const medusaPage = {
  data: [
    {
      ...product(1, at.toISOString()),
      type: null,
      collection: null,
      post: post(1, at.toISOString()),
    },
  ],
  metadata: { skip: 0, take: 100, count: 1 },
}

function difference(name: string, modlink: unknown, medusa: unknown): string | undefined {
  const pair = byName(name)
  return firstDifference(
    normalize(pair.compared(modlink), { ordered: pair.ordered }),
    normalize(pair.compared(medusa), { ordered: pair.ordered }),
  )
}

describe("side-by-side answers with Medusa", () => {
  it("compares the bench's columns and the count, whatever else Medusa's `*` returns", () => {
    expect(difference("product + post.* take 100", modlinkPage, medusaPage)).toBeUndefined()
  })

  it("catches a different linked record and a page without its count", () => {
    const otherPost = {
      ...medusaPage,
      data: [{ ...medusaPage.data[0], post: { ...post(2, at), id: "post_1" } }],
    }
    expect(difference("product + post.* take 100", modlinkPage, otherPost)).toMatch(
      /\$\.data\.0\.post\.title/,
    )
    const noCount = { data: medusaPage.data }
    expect(difference("product + post.* take 100", modlinkPage, noCount)).toMatch(/\$\.count: 1 ≠ null/)
  })

  it("asks every page for skip: 0 as well as take, so Medusa counts as modlink does", () => {
    const paged = pairs.filter((p) => p.ordered)
    expect(paged.map((p) => p.name)).toContain("filter post.title ilike (1%) take 100")
    for (const pair of paged) expect(pair.input.pagination).toEqual({ skip: 0, take: 100 })
    for (const pair of pairs.filter((p) => !p.ordered)) expect(pair.input.pagination).toBeUndefined()
  })
})
