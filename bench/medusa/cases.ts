import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { WriteCase } from "../measure/cases.ts"
import { NOTE_COLUMNS, POST_COLUMNS, PRODUCT_COLUMNS, pick } from "../ops/columns.ts"
import { chunks, createLinks, inputsOf, type LinkPairs } from "../ops/link-creates.ts"
import { deleteCascade, dismissLinks } from "../ops/link-removals.ts"
import type { Page } from "../ops/page.ts"
import { createProducts, productInputs } from "../ops/service-creates.ts"
import { postIds, productIds } from "../setup/seed-read-data.ts"

const TAKE = 100

/**
 * Pages ask for `skip: 0` as well: Medusa 2.21.2's `query.graph` returns `metadata.count` only when
 * `skip` is given (with `take` alone it has no metadata), and modlink counts either way, so both
 * sides then do the same work (a page and the total). For modlink `skip: 0` is the default.
 */
const PAGE = { skip: 0, take: TAKE }

/** A read both apps answer: the same `query.graph` input, and the part of the answer compared. */
export interface ReadPair {
  name: string
  /** Whether the top-level order is part of the answer (paginated reads). */
  ordered: boolean
  input: Record<string, unknown>
  modlink: () => Promise<unknown>
  /**
   * The answer as both sides must give it: the records with the columns modlink's bench selects
   * (Medusa's `*` may add fields of its own), the linked records likewise, and the total count.
   */
  compared: (answer: unknown) => unknown
}

/** A write both apps perform: modlink's bench case, and the same call made on Medusa. */
export interface WritePair {
  name: string
  rows: number
  /** modlink's case on modlink's database: its reset, call and state. */
  modlink: WriteCase
  /** The same case on Medusa's database: only its reset and state are used. */
  onMedusa: WriteCase
  medusa: { op: string; input: unknown }
}

interface Shape {
  columns: readonly string[]
  field: string
  linked: readonly string[]
  list: boolean
}

function comparedAs(shape: Shape): (answer: unknown) => unknown {
  return (answer) => {
    const page = answer as Page
    const data = page.data.map((raw) => {
      const record = raw as Record<string, unknown>
      const linked = record[shape.field] as Record<string, unknown> | Record<string, unknown>[] | undefined
      const value = shape.list
        ? ((linked as Record<string, unknown>[] | undefined) ?? []).map((r) => pick(r, shape.linked))
        : linked
          ? pick(linked as Record<string, unknown>, shape.linked)
          : null
      return { ...pick(record, shape.columns), [shape.field]: value }
    })
    return { data, count: page.metadata?.count ?? null }
  }
}

const PRODUCT_POST: Shape = { columns: PRODUCT_COLUMNS, field: "post", linked: POST_COLUMNS, list: false }
const POST_PRODUCT: Shape = { columns: POST_COLUMNS, field: "product", linked: PRODUCT_COLUMNS, list: false }
const PRODUCT_NOTES: Shape = { columns: PRODUCT_COLUMNS, field: "notes", linked: NOTE_COLUMNS, list: true }

function listing(app: App, name: string, entity: string, shape: Shape, take: number | undefined): ReadPair {
  const input = {
    entity,
    fields: ["*", `${shape.field}.*`],
    ...(take === undefined ? {} : { pagination: { ...PAGE, take } }),
  }
  return {
    name: `${name} ${take === undefined ? "all" : `take ${take}`}`,
    ordered: take !== undefined,
    input,
    modlink: () => app.query.graph(input as never),
    compared: comparedAs(shape),
  }
}

/** The listings and the filter of modlink's read bench (bench/ops/*-listing.ts, filter-through-link.ts). */
export function readPairs(app: App, groups: { listing: boolean; filter: boolean }): ReadPair[] {
  const pairs: ReadPair[] = []
  if (groups.listing) {
    for (const take of [TAKE, undefined]) {
      pairs.push(
        listing(app, "product + post.*", "product", PRODUCT_POST, take),
        listing(app, "post + product.*", "post", POST_PRODUCT, take),
        listing(app, "product + notes.* (1:N)", "product", PRODUCT_NOTES, take),
      )
    }
  }
  if (groups.filter) {
    const input = {
      entity: "product",
      fields: ["*", "post.*"],
      filters: { post: { title: { $ilike: "%sale%" } } },
      pagination: PAGE,
    }
    pairs.push({
      name: `filter post.title ilike (1%) take ${TAKE}`,
      ordered: true,
      input,
      modlink: () => app.query.graph(input as never),
      compared: comparedAs(PRODUCT_POST),
    })
  }
  return pairs
}

/** link.dismiss and link.delete of N/10 products on the read dataset (bench/ops/link-removals.ts). */
export function removalPairs(
  app: App,
  medusaDb: Database,
  size: number,
  groups: { dismiss: boolean; delete: boolean },
): WritePair[] {
  const count = Math.max(1, Math.floor(size / 10))
  const products = productIds(count)
  const posts = postIds(count)
  const pairs: WritePair[] = []
  if (groups.dismiss) {
    const modlink = dismissLinks(app, app.db, size)
    pairs.push({
      name: modlink.name,
      rows: modlink.rows,
      modlink,
      onMedusa: dismissLinks(app, medusaDb, size),
      medusa: {
        op: "linkDismiss",
        input: products.map((id, i) => ({ product: { product_id: id }, blog: { post_id: posts[i] } })),
      },
    })
  }
  if (groups.delete) {
    const modlink = deleteCascade(app, app.db, size)
    pairs.push({
      name: modlink.name,
      rows: modlink.rows,
      modlink,
      onMedusa: deleteCascade(app, medusaDb, size),
      medusa: { op: "linkDelete", input: { product: { product_id: products } } },
    })
  }
  return pairs
}

/**
 * link.create of the seeded products and posts, pair i with i (their ids are the same on both
 * databases), in one call and in calls of 100 (bench/ops/link-creates.ts).
 */
export function linkCreatePairs(app: App, medusaDb: Database, size: number): WritePair[] {
  const pairs: LinkPairs = { products: productIds(size), posts: postIds(size) }
  return [undefined, 100].map((batch) => {
    const modlink = createLinks(app, app.db, pairs, batch)
    return {
      name: modlink.name,
      rows: size,
      modlink,
      onMedusa: createLinks(app, medusaDb, pairs, batch),
      medusa: { op: "linkCreate", input: chunks(inputsOf(pairs), batch ?? size) },
    }
  })
}

/** The product module's createProducts of N products (bench/ops/service-creates.ts); empties product. */
export function createPair(app: App, medusaDb: Database, size: number): WritePair {
  const modlink = createProducts(app, app.db, size)
  return {
    name: modlink.name,
    rows: size,
    modlink,
    onMedusa: createProducts(app, medusaDb, size),
    medusa: { op: "createProducts", input: productInputs(size) },
  }
}
