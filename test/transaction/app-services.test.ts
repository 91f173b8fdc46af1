import { expect, it } from "vitest"
import { sql } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { describeBackends } from "../support/backends.ts"
import { linkedApp } from "./linked-app.ts"

/**
 * `app.resolve(...)`, `app.link`, `app.query` and `app.db` called inside a transaction callback
 * instead of `scope.resolve(...)`: they join the transaction. On PGlite, with one connection, a call
 * beside the transaction would wait for it while it waits for the call: these tests would hang.
 */
describeBackends("the app's own services inside app.transaction", ({ url }) => {
  const fixture = linkedApp(url)
  const { events, handle, count } = fixture

  /** A product (from a service resolved before the transaction), a post, their link and a query. */
  async function throughTheApp(title: string) {
    const products = fixture.app.resolve("product")
    return fixture.app.transaction(async () => {
      const product = await products.createProducts({ title, handle: handle() })
      const post = await fixture.app.resolve("blog").createPosts({ title: `post of ${title}` })
      await fixture.app.link.create({ product: { product_id: product.id }, blog: { post_id: post.id } })
      const { data } = await fixture.app.query.graph({
        entity: "product",
        fields: ["title", "post.title"],
        filters: { id: product.id },
      })
      const raw = await fixture.app.db.query<{ n: number }>(
        sql`select count(*)::int as n from product where id = ${product.id}`,
      )
      return { product, post, data, eventsInside: events.length, rawCount: raw.rows[0].n }
    })
  }

  it("rolls back what the app's services wrote when the callback throws, with no event", async () => {
    const before = events.length
    let seen: unknown
    const error = await fixture.app
      .transaction(async () => {
        seen = await throughTheApp("app, rolled back")
        throw new Error("undo")
      })
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe("undo")
    // Inside, query and app.db saw the uncommitted writes: they ran in the transaction.
    expect(seen).toMatchObject({
      data: [{ title: "app, rolled back", post: { title: "post of app, rolled back" } }],
      rawCount: 1,
    })
    expect(await count("product", sql`title = 'app, rolled back'`)).toBe(0)
    expect(await count("post", sql`title = 'post of app, rolled back'`)).toBe(0)
    expect(await count("product_product_blog_post")).toBe(0)
    expect(events.length).toBe(before)
  })

  it("commits them with the transaction and fires the link event after the commit", async () => {
    const before = events.length
    const made = await throughTheApp("app, committed")
    expect(made.eventsInside).toBe(before)
    expect(await count("product", sql`id = ${made.product.id}`)).toBe(1)
    expect(await count("product_product_blog_post", sql`post_id = ${made.post.id}`)).toBe(1)
    expect(events.slice(before)).toEqual([
      expect.objectContaining({ rows: [expect.objectContaining({ product_id: made.product.id })] }),
    ])
  })

  it("soft-deletes with its link cascade inside the transaction: undone together, or kept together", async () => {
    const { product, post } = await throughTheApp("app, deleted")
    const live = async () => ({
      product: await count("product", sql`id = ${product.id} and deleted_at is null`),
      link: await count("product_product_blog_post", sql`post_id = ${post.id} and deleted_at is null`),
    })
    await fixture.app
      .transaction(async () => {
        await fixture.app.resolve("product").softDeleteProducts([product.id])
        throw new Error("undo")
      })
      .catch(() => {})
    expect(await live()).toEqual({ product: 1, link: 1 })
    await fixture.app.transaction(async () => {
      await fixture.app.resolve("product").softDeleteProducts([product.id])
    })
    expect(await live()).toEqual({ product: 0, link: 0 })
  })

  it("gives an event handler's writes after the commit a transaction of their own", async () => {
    const off = fixture.app.onLink("attached", async (event) => {
      const productId = event.rows[0].product_id as string
      await fixture.app.transaction((scope) =>
        scope.resolve("blog").createPosts({ title: `tx after ${productId}` }),
      )
      await fixture.app.resolve("blog").createPosts({ title: `plain after ${productId}` })
    })
    try {
      const { product } = await throughTheApp("app, handler")
      expect(await count("post", sql`title = ${`tx after ${product.id}`}`)).toBe(1)
      expect(await count("post", sql`title = ${`plain after ${product.id}`}`)).toBe(1)
    } finally {
      off()
    }
    // Nothing was left holding a transaction open: the app still writes.
    await fixture.app.resolve("blog").createPosts({ title: "still writable" })
    expect(await count("post", sql`title = 'still writable'`)).toBe(1)
  })

  it("refuses a service kept from a scope once its transaction ended", async () => {
    const kept = await fixture.app.transaction(async (scope) => scope.resolve("blog"))
    const error = await kept.createPosts({ title: "too late" }).catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("INVALID_INPUT")
    expect((error as Error).message).toMatch(/This transaction has ended/)
    expect(await count("post", sql`title = 'too late'`)).toBe(0)
  })
})
