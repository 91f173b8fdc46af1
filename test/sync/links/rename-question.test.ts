import { describe, expect, it, vi } from "vitest"
import { renameQuestion } from "../../../src/sync/links/rename-question.ts"
import { acceptGuess, resolveRenames } from "../../../src/sync/links/resolve-renames.ts"
import { productModule } from "../../support/link-modules.ts"
import { articleModule, post, product, syncedCatalog, tableLinks } from "./link-fixture.ts"

const [before] = tableLinks([[product, post]])
const catalog = syncedCatalog([before])
/** The same link after the blog module was renamed article. */
const [after] = tableLinks([[product, articleModule.linkable.post]], [productModule, articleModule])
const models = [
  { module: "product", model: "product" },
  { module: "article", model: "post" },
]

describe("rename questions (pure)", () => {
  it("asks about a module rename whose old module is gone, guessing the only candidate", () => {
    const found = renameQuestion(after, catalog.registry, catalog, models)
    expect(found).toEqual({
      question: { link: after, candidates: [catalog.registry[0]], guess: catalog.registry[0] },
    })
  })

  it("asks nothing while the old module is still loaded, or when the list of models is unknown", () => {
    const stillThere = [...models, { module: "blog", model: "post" }]
    expect(renameQuestion(after, catalog.registry, catalog, stillThere)).toBeUndefined()
    expect(renameQuestion(after, catalog.registry, catalog, undefined)).toBeUndefined()
  })

  it("is certain when the same two models moved to another table name (database.table pinned)", () => {
    const [pinned] = tableLinks([[product, post, { database: { table: "product_post" } }]])
    expect(renameQuestion(pinned, catalog.registry, catalog, models)).toEqual({
      certain: catalog.registry[0],
    })
  })

  it("asks nothing when the new link's table already exists", () => {
    expect(renameQuestion(before, [], catalog, models)).toBeUndefined()
  })
})

describe("the injected rename resolver", () => {
  it("takes sync's guess by default", async () => {
    const renames = await resolveRenames([after], catalog, { models })
    expect([...renames]).toEqual([[after.table, catalog.registry[0]]])
    expect(acceptGuess({ link: after, candidates: catalog.registry })).toBeUndefined()
  })

  it("follows a resolver that says no: no rename, the old link stays unclaimed", async () => {
    const resolve = vi.fn(() => undefined)
    const renames = await resolveRenames([after], catalog, { models, resolve })
    expect(renames.size).toBe(0)
    expect(resolve).toHaveBeenCalledWith({
      link: after,
      candidates: catalog.registry,
      guess: catalog.registry[0],
    })
  })

  it("is not asked when the rename is certain", async () => {
    const [pinned] = tableLinks([[product, post, { database: { table: "product_post" } }]])
    const resolve = vi.fn(() => undefined)
    const renames = await resolveRenames([pinned], catalog, { models, resolve })
    expect(resolve).not.toHaveBeenCalled()
    expect(renames.get("product_post")).toBe(catalog.registry[0])
  })

  it("refuses an answer that is not one of the candidates", async () => {
    const stranger = { ...catalog.registry[0], table: "other_table" }
    await expect(resolveRenames([after], catalog, { models, resolve: () => stranger })).rejects.toThrow(
      /not a candidate/,
    )
  })
})
