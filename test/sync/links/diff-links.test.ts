import { describe, expect, it } from "vitest"
import { linkTableSchema } from "../../../src/link/link-table.ts"
import { diffLinks } from "../../../src/sync/links/diff-links.ts"
import { productModule } from "../../support/link-modules.ts"
import {
  catalogOf,
  magazineModule,
  post,
  product,
  rowOf,
  syncedCatalog,
  tableAsRead,
  tableLinks,
} from "./link-fixture.ts"

const [link] = tableLinks([[product, post]])

describe("diffLinks: definitions against registry and catalog, as typed nodes (pure)", () => {
  it("a new link on an empty database: create the table, then its indexes", () => {
    const [node] = diffLinks([link], catalogOf([], []))
    expect(node.kind).toBe("create")
    if (node.kind !== "create") return
    expect(node.adopting).toBeUndefined()
    expect(node.changes.map((c) => c.kind)).toEqual([
      "create-table",
      ...linkTableSchema(link).indexes.map(() => "add-index"),
    ])
  })

  it("a link synced as it is: noop", () => {
    expect(diffLinks([link], syncedCatalog([link]))).toEqual([{ kind: "noop", link }])
  })

  it("a recorded link no definition claims: delete, with a drop-table node while its table exists", () => {
    const catalog = syncedCatalog([link])
    expect(diffLinks([], catalog)).toEqual([
      { kind: "delete", row: catalog.registry[0], change: { kind: "drop-table", table: link.table } },
    ])
    expect(diffLinks([], catalogOf(catalog.registry, []))).toEqual([
      { kind: "delete", row: catalog.registry[0] },
    ])
  })

  it("a table the registry does not know is adopted, counted where it stands", () => {
    const table = tableAsRead(linkTableSchema(link))
    const [node] = diffLinks([link], catalogOf([], [table]))
    expect(node).toMatchObject({ kind: "create", changes: [], adopting: { table: link.table } })
  })

  it("a resolved rename of the model: table and key column renamed, rows counted under the old names", () => {
    const [renamed] = tableLinks(
      [[product, magazineModule.linkable.article]],
      [productModule, magazineModule],
    )
    const catalog = syncedCatalog([link])
    const [node, ...rest] = diffLinks([renamed], catalog, new Map([[renamed.table, catalog.registry[0]]]))
    expect(rest).toEqual([])
    expect(node.kind).toBe("rename")
    if (node.kind !== "rename") return
    expect(node.changes.slice(0, 2)).toEqual([
      { kind: "rename-table", table: renamed.table, from: link.table },
      { kind: "rename-column", table: renamed.table, from: "post_id", to: "article_id" },
    ])
    expect(node.source).toEqual({ table: link.table, columns: new Map([["article_id", "post_id"]]) })
  })

  it("an extra column added: update with one add-column node", () => {
    const [withNote] = tableLinks([
      [product, post, { database: { extraColumns: { note: { type: "text", nullable: true } } } }],
    ])
    const [node] = diffLinks([withNote], syncedCatalog([link]))
    expect(node).toMatchObject({ kind: "update", recorded: rowOf(link) })
    if (node.kind !== "update") return
    expect(node.changes).toEqual([
      { kind: "add-column", table: link.table, column: { name: "note", type: "text", nullable: true } },
    ])
  })
})
