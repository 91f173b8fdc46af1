import { expect, it } from "vitest"
import { defineLink } from "../../../src/link/define-link.ts"
import type { DefineLinkOptions, LinkSideInput } from "../../../src/link/link-definition.ts"
import { resolveLinks } from "../../../src/link/resolve-link.ts"
import { introspectSchema } from "../../../src/sync/catalog/introspect.ts"
import { applyLinkPlan } from "../../../src/sync/links/apply-link-plan.ts"
import { planLinkSync } from "../../../src/sync/links/plan-link-sync.ts"
import { renderPlan } from "../../../src/sync/links/render-plan.ts"
import { describeBackends } from "../../support/backends.ts"
import { blogModule, productModule } from "../../support/link-modules.ts"

const product = productModule.linkable.product
const post = blogModule.linkable.post
const TABLE = "product_product_blog_post"

function link(left: LinkSideInput, right: LinkSideInput, options?: DefineLinkOptions) {
  return resolveLinks(
    [{ handle: defineLink(left, right, options), file: "src/links/l.ts" }],
    [productModule, blogModule],
  )
}

describeBackends("link sync per change", ({ db }) => {
  it("says what an update changes and applies the safe half of a mixed action", async () => {
    await applyLinkPlan(
      db(),
      await planLinkSync(db(), link({ linkable: product, isList: true }, { linkable: post, isList: true })),
    )
    await db().query(
      `insert into ${TABLE} (id, product_id, post_id) values ('l1', 'p1', 'a'), ('l2', 'p1', 'b')`,
    )
    // One product, many posts: a new extra column (safe) and a unique post_id (asks).
    const mixed = link(
      product,
      { linkable: post, isList: true },
      { database: { extraColumns: { note: { type: "text", nullable: true } } } },
    )
    const plan = await planLinkSync(db(), mixed)
    expect(plan.actions[0].safe).toBe(false)
    expect(renderPlan(plan, { fate: () => "skip" })).toEqual([
      `update (safe part only)  product.product <> blog.post  ${TABLE}`,
      "    cardinality N:N → 1:N",
      "    - add column note text",
      `    ! add unique index ${TABLE}_post_id_unique on (post_id) where deleted_at is null (0 rows violate it)`,
    ])

    const { outcomes } = await applyLinkPlan(db(), plan)
    expect(outcomes.map((o) => [o.ran.map((c) => c.description), o.left.map((c) => c.description)])).toEqual([
      [
        ["add column note text"],
        [`add unique index ${TABLE}_post_id_unique on (post_id) where deleted_at is null`],
      ],
    ])
    const table = (await introspectSchema(db(), { tables: [TABLE] })).tables.get(TABLE)!
    expect(table.columns.map((c) => c.name)).toContain("note")
    expect(table.indexes.map((i) => i.name)).not.toContain(`${TABLE}_post_id_unique`)

    const rest = await planLinkSync(db(), mixed)
    expect(rest.actions[0].changes.map((c) => c.description)).toEqual([
      `add unique index ${TABLE}_post_id_unique on (post_id) where deleted_at is null`,
    ])
    await applyLinkPlan(db(), rest, { accept: () => true })
    expect((await planLinkSync(db(), mixed)).actions[0].kind).toBe("noop")
  })
})
