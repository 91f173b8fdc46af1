import { expect, it } from "vitest"
import { sql } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { describeBackends } from "../support/backends.ts"
import { linkedApp } from "./linked-app.ts"

describeBackends("app.transaction", ({ kind, url }) => {
  const fixture = linkedApp(url)
  const { events, handle, count } = fixture

  /** Creates a product and a post, links them and reads the product back with its post, in `scope`. */
  async function createLinkQuery(scope: { resolve(name: string): any }, title: string) {
    const product = await scope.resolve("product").createProducts({ title, handle: handle() })
    const post = await scope.resolve("blog").createPosts({ title: `post of ${title}` })
    await scope.resolve("link").create({ product: { product_id: product.id }, blog: { post_id: post.id } })
    const { data } = await scope.resolve("query").graph({
      entity: "product",
      fields: ["title", "post.title"],
      filters: { id: product.id },
    })
    return { product, post, data }
  }

  it("rolls back the product, the post and the link, and fires no event, when the callback throws", async () => {
    const before = events.length
    let seen: unknown
    const error = await fixture.app
      .transaction(async (scope) => {
        const { data, product } = await createLinkQuery(scope, "rolled back")
        seen = data
        // Outside the transaction nothing is visible yet (PGlite: one connection, so only on the server).
        if (fixture.app.db.kind === "postgres")
          expect(await count("product", sql`id = ${product.id}`)).toBe(0)
        throw new Error("changed my mind")
      })
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe("changed my mind")
    // query.graph inside saw the uncommitted product with its linked post.
    expect(seen).toMatchObject([{ title: "rolled back", post: { title: "post of rolled back" } }])
    expect(await count("product", sql`title = 'rolled back'`)).toBe(0)
    expect(await count("post", sql`title = 'post of rolled back'`)).toBe(0)
    expect(await count("product_product_blog_post")).toBe(0)
    expect(events.length).toBe(before)
  })

  it("commits all three and fires the event after the commit when the callback returns", async () => {
    const before = events.length
    let eventsInside = -1
    const result = await fixture.app.transaction(async (scope) => {
      const made = await createLinkQuery(scope, "committed")
      eventsInside = events.length
      return made
    })
    expect(eventsInside).toBe(before)
    expect(result.data).toMatchObject([{ title: "committed", post: { title: "post of committed" } }])
    expect(await count("product", sql`id = ${result.product.id}`)).toBe(1)
    expect(await count("product_product_blog_post", sql`product_id = ${result.product.id}`)).toBe(1)
    expect(events.slice(before)).toEqual([
      expect.objectContaining({
        link: "product_post",
        rows: [expect.objectContaining({ product_id: result.product.id, post_id: result.post.id })],
      }),
    ])
  })

  it("keeps the outer work when a nested transaction fails and the failure is caught", async () => {
    const before = events.length
    const outer = await fixture.app.transaction(async (scope) => {
      const product = await scope.resolve("product").createProducts({ title: "outer", handle: handle() })
      const caught = await scope
        .transaction(async (inner) => {
          const post = await inner.resolve("blog").createPosts({ title: "inner, undone" })
          await inner
            .resolve("link")
            .create({ product: { product_id: product.id }, blog: { post_id: post.id } })
          // A failing statement (the unique handle index refuses it, said as a duplicate handle):
          // the nested work is rolled back to its savepoint, the outer goes on.
          await inner.resolve("product").createProducts({ title: "dup", handle: product.handle })
        })
        .catch((e: unknown) => e)
      expect(isModlinkError(caught) && caught.code).toBe("INVALID_INPUT")
      await scope.resolve("blog").createPosts({ title: "outer, after" })
      return product
    })
    expect(await count("product", sql`id = ${outer.id}`)).toBe(1)
    expect(await count("post", sql`title = 'outer, after'`)).toBe(1)
    expect(await count("post", sql`title = 'inner, undone'`)).toBe(0)
    expect(await count("product_product_blog_post", sql`product_id = ${outer.id}`)).toBe(0)
    // The nested link's event was dropped with it.
    expect(events.length).toBe(before)
  })

  it("refuses to commit when a failed call was caught outside a nested transaction", async () => {
    const error = await fixture.app
      .transaction(async (scope) => {
        const product = await scope.resolve("product").createProducts({ title: "half", handle: handle() })
        await scope
          .resolve("product")
          .createProducts({ title: "dup", handle: product.handle })
          .catch(() => {})
        await scope.resolve("blog").createPosts({ title: "never" })
      })
      .catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("TRANSACTION_ABORTED")
    expect((error as Error).message).toMatch(/can only roll back: Database .* failed: duplicate key/)
    expect((error as { hint: string }).hint).toMatch(/scope\.transaction/)
    expect(await count("product", sql`title = 'half'`)).toBe(0)
  })

  it("refuses a link the cardinality forbids inside a transaction by naming the row, with nothing written", async () => {
    const { product, post } = await fixture.app.transaction((scope) => createLinkQuery(scope, "taken"))
    const other = await fixture.app.resolve("product").createProducts({ title: "other", handle: handle() })
    let refused: unknown
    const kept = await fixture.app.transaction(async (scope) => {
      const note = await scope.resolve("blog").createPosts({ title: "kept beside a refusal" })
      // One statement checks the records and the rows in the way, and writes only if none is found:
      // the refusal aborts nothing, so the caller may go on.
      refused = await scope
        .resolve("link")
        .create({ product: { product_id: other.id }, blog: { post_id: post.id } })
        .catch((e: unknown) => e)
      return note
    })
    expect(isModlinkError(refused) && refused.code).toBe("CARDINALITY")
    expect((refused as Error).message).toMatch(
      new RegExp(`post "${post.id}" is already linked to product "${product.id}" \\(link row link_`),
    )
    expect(await count("product_product_blog_post", sql`product_id = ${other.id}`)).toBe(0)
    expect(await count("post", sql`id = ${kept.id}`)).toBe(1)
  })

  it("joins the running transaction when app.transaction is called inside it", async () => {
    const error = await fixture.app
      .transaction(async () => {
        await fixture.app.transaction(async (inner) => inner.resolve("blog").createPosts({ title: "joined" }))
        throw new Error("outer fails")
      })
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe("outer fails")
    expect(await count("post", sql`title = 'joined'`)).toBe(0)
  })

  it("runs a soft delete and its link cascade as one: a failing cascade leaves the records undeleted", async () => {
    const { product, post } = await fixture.app.transaction((scope) => createLinkQuery(scope, "cascade"))
    // A trigger that refuses the cascade's update of link rows: the cascade's own statement fails.
    await fixture.app.db.exec(`create function refuse_cascade() returns trigger language plpgsql as $$ begin raise exception 'cascade refused'; end $$;
      create trigger refuse_cascade before update on product_product_blog_post for each row execute function refuse_cascade();`)
    try {
      const error = await fixture.app
        .resolve("product")
        .softDeleteProducts([product.id])
        .catch((e: unknown) => e)
      expect(isModlinkError(error) && error.code).toBe("CASCADE_FAILED")
      expect((error as Error).message).toMatch(
        /softDelete of 1 product record\(s\) rolled back: their link cascade failed: .*cascade refused/,
      )
      expect(await count("product", sql`id = ${product.id} and deleted_at is null`)).toBe(1)
      expect(await count("product_product_blog_post", sql`post_id = ${post.id} and deleted_at is null`)).toBe(
        1,
      )
    } finally {
      await fixture.app.db.exec(
        "drop trigger refuse_cascade on product_product_blog_post; drop function refuse_cascade();",
      )
    }
    await fixture.app.resolve("product").softDeleteProducts([product.id])
    expect(await count("product", sql`id = ${product.id} and deleted_at is null`)).toBe(0)
    expect(await count("product_product_blog_post", sql`post_id = ${post.id} and deleted_at is null`)).toBe(0)
  })

  /**
   * Two serializable transactions each read the "seat" posts and add one when there is none: the
   * write skew serializable isolation exists to stop. Both read before either writes, so one of them
   * must be aborted by PostgreSQL (PGlite runs one transaction at a time: nothing to race).
   */
  async function bookSeat(seat: string, options: { retries?: number }) {
    let arrived = 0
    let release!: () => void
    const bothRead = new Promise<void>((resolve) => {
      release = resolve
    })
    const attempts: number[] = [0, 0]
    const book = (who: number) =>
      fixture.app.transaction(
        async (scope) => {
          const first = attempts[who]++ === 0
          const taken = await scope.resolve("blog").listPosts({ title: seat })
          if (first && ++arrived === 2) release()
          if (first) await bothRead
          if (taken.length === 0) await scope.resolve("blog").createPosts({ title: seat })
        },
        { isolationLevel: "serializable", ...options },
      )
    const outcomes = await Promise.allSettled([book(0), book(1)])
    return { outcomes, attempts, seats: await count("post", sql`title = ${seat}`) }
  }

  it.skipIf(kind === "pglite")(
    "surfaces a serialization failure as TRANSACTION_CONFLICT, nothing committed",
    async () => {
      const { outcomes, seats } = await bookSeat("seat-a", {})
      const rejected = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[]
      expect(rejected).toHaveLength(1)
      expect(isModlinkError(rejected[0].reason) && rejected[0].reason.code).toBe("TRANSACTION_CONFLICT")
      expect(rejected[0].reason.hint).toMatch(/retries: 3/)
      expect(seats).toBe(1)
    },
  )

  it.skipIf(kind === "pglite")(
    "re-runs the callback after a serialization failure when retries are allowed",
    async () => {
      const { outcomes, attempts, seats } = await bookSeat("seat-b", { retries: 3 })
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled"])
      // One of them ran again, saw the other's seat, and added none.
      expect(attempts.reduce((a, b) => a + b)).toBe(3)
      expect(seats).toBe(1)
    },
  )

  it("runs on the isolation level it is given, the server's default otherwise", async () => {
    // app.db inside the callback is the transaction's connection (see the app-services tests).
    const level = () =>
      fixture.app.db
        .query<{ level: string }>("select current_setting('transaction_isolation') as level")
        .then(({ rows }) => rows[0].level)
    expect(await fixture.app.transaction(level, { isolationLevel: "repeatable read" })).toBe(
      "repeatable read",
    )
    expect(await fixture.app.transaction(level, { isolationLevel: "serializable" })).toBe("serializable")
    expect(await fixture.app.transaction(level)).toBe("read committed")
  })

  /**
   * A conflict PostgreSQL raises on the first attempt only (the statement a serialization failure
   * or a deadlock would fail): runs on PGlite too, where no two transactions can race.
   */
  async function conflictOnce(title: string, retries?: number) {
    let attempts = 0
    const outcome = await fixture.app
      .transaction(
        async (scope) => {
          await scope.resolve("blog").createPosts({ title })
          if (attempts++ === 0) {
            await fixture.app.db.exec(
              "do $$ begin raise exception using errcode = 'serialization_failure', message = 'forced conflict'; end $$",
            )
          }
        },
        retries === undefined ? {} : { retries },
      )
      .catch((e: unknown) => e)
    return { outcome, attempts, posts: await count("post", sql`title = ${title}`) }
  }

  it("re-runs the callback after a conflict when retries are allowed (both backends)", async () => {
    const { outcome, attempts, posts } = await conflictOnce("retried", 2)
    expect(outcome).toBeUndefined()
    expect(attempts).toBe(2)
    // The first attempt's post was rolled back with it.
    expect(posts).toBe(1)
  })

  it("surfaces a conflict as TRANSACTION_CONFLICT without retries, nothing committed (both backends)", async () => {
    const { outcome, attempts, posts } = await conflictOnce("not retried")
    expect(isModlinkError(outcome) && outcome.code).toBe("TRANSACTION_CONFLICT")
    expect((outcome as Error).message).toMatch(/forced conflict.*nothing of it was committed/)
    expect(attempts).toBe(1)
    expect(posts).toBe(0)
  })

  it("refuses an unknown isolation level and bad retries by name", async () => {
    await expect(
      fixture.app.transaction(async () => {}, { isolationLevel: "serialisable" as never }),
    ).rejects.toThrow(/Unknown isolation level "serialisable".*did you mean "serializable"/s)
    await expect(fixture.app.transaction(async () => {}, { retries: -1 })).rejects.toThrow(
      /retries of app.transaction/,
    )
  })
})
