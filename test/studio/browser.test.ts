import { describe, expect, test } from "vitest"
import { backendKinds } from "../support/backends.ts"
import { browserPage, screenshot } from "./browser.ts"
import { studioFixture } from "./studio-fixture.ts"

// One backend is enough for the browser: the API tests cover both. The server one starts faster.
const kind = backendKinds.includes("postgres") ? "postgres" : "pglite"

describe(`studio in Chromium [${kind}]`, () => {
  const fixture = studioFixture(kind, { products: 30, write: true })
  const browser = browserPage()
  const open = async (hash: string) => {
    const page = browser.page()
    await page.goto(`${fixture.studio.url}${hash}`)
    return page
  }

  test("the graph shows every module, model and link of the demo app; a click on a link shows its table", async () => {
    const page = await open("#/graph")
    await page.waitForSelector("[data-testid=graph] .model")
    for (const module of fixture.app.modules) {
      expect(await page.locator(`[data-testid=module-${module.definition.name}]`).count()).toBe(1)
      for (const model of module.definition.models) {
        expect(await page.locator(`[data-testid=model-${model.snakeName}]`).count()).toBe(1)
      }
    }
    for (const link of fixture.app.links) {
      expect(await page.locator(`[data-testid=link-${link.entryPoint}]`).count()).toBe(1)
    }
    await screenshot(page, "graph")
    // Zoom with the wheel, pan by dragging the background: the layer's transform follows.
    const transform = () => page.getAttribute("[data-testid=graph] > g", "transform")
    const fitted = await transform()
    await page.mouse.move(300, 150)
    await page.mouse.wheel(0, -400)
    await expect.poll(transform).not.toBe(fitted)
    const zoomed = await transform()
    await page.mouse.down()
    await page.mouse.move(360, 220)
    await page.mouse.up()
    await expect.poll(transform).not.toBe(zoomed)
    await page.click("text=fit")
    await expect.poll(transform).toBe(fitted)
    await page.locator("[data-testid=link-product_collection_post] .label-box").click()
    await expect
      .poll(() => page.textContent("[data-testid=link-table]"))
      .toBe("product_product_collection_blog_post")
    await page.waitForSelector("[data-testid=pending-sync]")
    const panel = await page.textContent("[data-testid=link-panel]")
    expect(panel).toContain("position")
    expect(panel).toContain("In sync")
    await screenshot(page, "graph-link")
  })

  test("records: pages, sorts and filters through a link", async () => {
    const page = await open("#/records/product")
    await page.waitForSelector("[data-testid=records] tbody tr")
    expect(await page.textContent("[data-testid=page-info]")).toBe("1–25 of 30")
    await page.click("[data-testid=next]")
    await expect.poll(() => page.textContent("[data-testid=page-info]")).toBe("26–30 of 30")
    expect(await page.locator("[data-testid=records] tbody tr").count()).toBe(5)
    await page.click("[data-testid=column-title]")
    await expect.poll(() => page.getAttribute("[data-testid=column-title]", "aria-sort")).toBe("ascending")
    const titles = await page.locator("[data-testid=records] tbody tr td:nth-child(2)").allTextContents()
    expect(titles).toEqual([...titles].sort())
    await page.click("[data-testid=column-title]")
    await expect.poll(() => page.getAttribute("[data-testid=column-title]", "aria-sort")).toBe("descending")
    const descending = await page.locator("[data-testid=records] tbody tr td:nth-child(2)").allTextContents()
    expect(descending).toEqual([...descending].sort().reverse())

    // Through the product → post link: products whose launch post is a guide.
    await page.click("[data-testid=add-filter]")
    await page.selectOption("[data-testid=filter-path]", "post.title")
    await page.selectOption("[data-testid=filter-op]", "$ilike")
    await page.fill("[data-testid=filter-value]", "Guide:%")
    await page.click("[data-testid=apply-filters]")
    await expect.poll(() => page.url()).toContain("filters=")
    await page.waitForSelector("[data-testid=records] tbody tr")
    const { data } = await fixture.app.query.graph({
      entity: "product",
      fields: ["id"],
      filters: { post: { title: { $ilike: "Guide:%" } } },
    })
    expect(data.length).toBeGreaterThan(0)
    await expect.poll(() => page.locator("[data-testid=records] tbody tr").count()).toBe(data.length)
    await screenshot(page, "records")
  })

  test("navigates product → post → product", async () => {
    const { data } = await fixture.app.query.graph<{
      id: string
      title: string
      post: { id: string; title: string }
    }>({
      entity: "product",
      fields: ["id", "title", "post.id", "post.title"],
      pagination: { take: 1, order: { title: "ASC" } },
    })
    const [product] = data
    const page = await open(`#/record/product/${product.id}`)
    await expect.poll(() => page.textContent("[data-testid=record-title]")).toContain(product.title)
    await screenshot(page, "record")
    await page.click("[data-testid=edge-post] [data-testid=linked-post]")
    await expect.poll(() => page.textContent("[data-testid=record-title]")).toContain(product.post.title)
    expect(page.url()).toContain(`#/record/post/${product.post.id}`)
    await page.click("[data-testid=edge-product] [data-testid=linked-product]")
    await expect.poll(() => page.textContent("[data-testid=record-title]")).toContain(product.title)
    expect(page.url()).toContain(`#/record/product/${product.id}`)
  })

  test("the query view runs a query and shows its SQL", async () => {
    const page = await open("#/query")
    await page.fill("[data-testid=query-entity]", "product")
    await page.fill("[data-testid=query-fields]", "")
    await page.type("[data-testid=query-fields]", "title, pos")
    await page.waitForSelector("[data-testid=completion] li")
    expect(await page.locator("[data-testid=completion] li").allTextContents()).toContain("post.")
    await page.keyboard.press("Tab")
    await page.type("[data-testid=query-fields]", "tit")
    await page.keyboard.press("Tab")
    expect(await page.inputValue("[data-testid=query-fields]")).toBe("title, post.title")
    await page.fill("[data-testid=query-take]", "5")
    await page.click("[data-testid=run-query]")
    await page.waitForSelector("[data-testid=query-sql] pre.sql")
    expect(await page.textContent("[data-testid=query-count]")).toBe("5 record(s) of 30")
    const sql = (await page.textContent("[data-testid=query-sql] pre.sql"))!.toLowerCase()
    expect(sql).toContain("select")
    expect(sql).toContain("product_product_blog_post")
    expect(await page.textContent("[data-testid=snippet-cli]")).toBe(
      `npx modlink query product --fields title,post.title --order '{"title":"ASC"}' --take 5`,
    )
    expect(await page.textContent("[data-testid=snippet-ts]")).toContain("app.query.graph(")
    await screenshot(page, "query")
  })

  test("without the token the page shows the refusal, and every API call from the page fails", async () => {
    const page = browser.page()
    const url = new URL(fixture.studio.url)
    url.search = ""
    await page.goto(url.toString())
    const error = await page.waitForSelector("[data-testid=error]")
    expect(await error.textContent()).toContain("needs the studio's token")
    const paths = ["/api/schema", "/api/links/product_post", "/api/query", "/api/explain"]
    const statuses = await page.evaluate(
      (paths) =>
        Promise.all(
          paths.map(async (path) => {
            const method = path.startsWith("/api/links") || path === "/api/schema" ? "GET" : "POST"
            const body = method === "POST" ? JSON.stringify({ entity: "product" }) : undefined
            return (await fetch(path, { method, body })).status
          }),
        ),
      paths,
    )
    expect(statuses).toEqual(paths.map(() => 401))
  })

  test("write mode: a delete shows its cascade preview before it runs, then restore brings it back", async () => {
    const { data } = await fixture.app.query.graph<{ id: string; post: { id: string } }>({
      entity: "product",
      fields: ["id", "post.id"],
      pagination: { take: 1, order: { title: "DESC" } },
    })
    const [product] = data
    const page = await open(`#/record/product/${product.id}`)
    await page.click("[data-testid=delete]")
    const preview = await page.waitForSelector("[data-testid=cascade-preview]")
    expect(await preview.textContent()).toContain(product.post.id)
    // Shown, not run: the product is still there.
    const before = await fixture.app.query.graph({
      entity: "product",
      fields: ["id"],
      filters: { id: product.id },
    })
    expect(before.data).toHaveLength(1)
    await screenshot(page, "delete-preview")
    await page.click("[data-testid=confirm-delete]")
    await page.waitForSelector("[data-testid=deleted]")
    const after = await fixture.app.query.graph({
      entity: "post",
      fields: ["id"],
      filters: { id: product.post.id },
    })
    expect(after.data).toHaveLength(0)
    await page.click("[data-testid=restore]")
    await page.waitForSelector("[data-testid=record-title]")
    const restored = await fixture.app.query.graph({
      entity: "post",
      fields: ["id"],
      filters: { id: product.post.id },
    })
    expect(restored.data).toHaveLength(1)
  })
})
