import { expect, it } from "vitest"
import type { Database } from "../../../src/db/index.ts"
import { model } from "../../../src/dml/model-builder.ts"
import { defineLink } from "../../../src/link/define-link.ts"
import type { DefineLinkOptions, LinkSideInput } from "../../../src/link/link-definition.ts"
import { type LinkableModule, resolveLinks } from "../../../src/link/resolve-link.ts"
import { introspectSchema } from "../../../src/sync/catalog/introspect.ts"
import { readLinkRegistry } from "../../../src/sync/catalog/link-registry.ts"
import { applyLinkPlan } from "../../../src/sync/links/apply-link-plan.ts"
import type { LinkPlan } from "../../../src/sync/links/link-plan.ts"
import { planLinkSync } from "../../../src/sync/links/plan-link-sync.ts"
import { renderPlan } from "../../../src/sync/links/render-plan.ts"
import { describeBackends } from "../../support/backends.ts"
import { blogModule, linkableModule, Post, productModule } from "../../support/link-modules.ts"

const product = productModule.linkable.product
const post = blogModule.linkable.post
const TABLE = "product_product_blog_post"

type Def = [LinkSideInput, LinkSideInput, DefineLinkOptions?]

function links(defs: Def[], modules: LinkableModule[] = [productModule, blogModule]) {
  return resolveLinks(
    defs.map(([left, right, options], i) => ({
      handle: defineLink(left, right, options),
      file: `src/links/l${i}.ts`,
    })),
    modules,
  )
}

const summary = (plan: LinkPlan) => plan.actions.map((a) => `${a.description}${a.safe ? "" : " [asks]"}`)
const acceptAll = { accept: () => true }

async function tableNames(db: Database) {
  return [...(await introspectSchema(db)).tables.keys()].sort()
}

async function count(db: Database, table: string) {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${table}"`)
  return rows[0].n
}

describeBackends("link sync: the seeds' story", ({ db }) => {
  it("plans a create without touching the database, then creates the table and records it", async () => {
    const plan = await planLinkSync(db(), links([[product, post]]))
    expect(summary(plan)).toEqual([`product.product <> blog.post (${TABLE}): create`])
    expect(await tableNames(db())).toEqual([])
    const result = await applyLinkPlan(db(), plan)
    expect(result.applied).toHaveLength(1)
    const table = (await introspectSchema(db())).tables.get(TABLE)!
    expect(table.columns.map((c) => c.name)).toEqual([
      "id",
      "product_id",
      "post_id",
      "created_at",
      "updated_at",
      "deleted_at",
    ])
    expect(table.primaryKey).toEqual(["product_id", "post_id"])
    expect(table.foreignKeys).toEqual([])
    const registry = await readLinkRegistry(db())
    expect(registry.map((r) => [r.table, r.descriptor])).toEqual([
      [TABLE, { fromModule: "product", fromModel: "product", toModule: "blog", toModel: "post" }],
    ])
    expect(summary(await planLinkSync(db(), links([[product, post]])))).toEqual([
      `product.product <> blog.post (${TABLE}): noop`,
    ])
  })

  it("enforces 1:1 in the database: a second post for a product is refused", async () => {
    await db().query(`insert into ${TABLE} (id, product_id, post_id) values ('link_1', 'prod_1', 'post_1')`)
    await expect(
      db().query(`insert into ${TABLE} (id, product_id, post_id) values ('link_2', 'prod_1', 'post_2')`),
    ).rejects.toThrow(/product_product_blog_post_product_id_unique/)
  })

  it("relaxes cardinality when a side becomes a list (safe) and keeps the rows", async () => {
    const plan = await planLinkSync(db(), links([[product, { linkable: post, isList: true }]]))
    expect(summary(plan)).toEqual([`product.product <> blog.post (${TABLE}): update`])
    expect(plan.actions[0].changes.map((c) => c.description)).toEqual([
      "drop unique index product_product_blog_post_product_id_unique on (product_id) where (deleted_at IS NULL)",
    ])
    await applyLinkPlan(db(), plan)
    await db().query(`insert into ${TABLE} (id, product_id, post_id) values ('link_2', 'prod_1', 'post_2')`)
    expect(await count(db(), TABLE)).toBe(2)
  })

  it("adds an extra column safely, and asks before a NOT NULL column without default on rows", async () => {
    const withNote: Def = [
      product,
      { linkable: post, isList: true },
      { database: { extraColumns: { note: { type: "text", nullable: true } } } },
    ]
    const plan = await planLinkSync(db(), links([withNote]))
    expect(plan.actions[0].changes.map((c) => c.statement)).toEqual([
      `alter table "${TABLE}" add column "note" text`,
    ])
    expect(plan.actions[0].safe).toBe(true)
    await applyLinkPlan(db(), plan)
    const required: Def = [
      product,
      { linkable: post, isList: true },
      { database: { extraColumns: { rank: { type: "integer" } } } },
    ]
    const unsafe = await planLinkSync(db(), links([required]))
    expect(summary(unsafe)).toEqual([`product.product <> blog.post (${TABLE}): update (unsafe) [asks]`])
    expect(unsafe.actions[0].warnings).toEqual([
      "add column rank integer not null without a default (2 rows violate it)",
      "drop column note (its data is lost)",
    ])
    expect((await applyLinkPlan(db(), unsafe)).skipped).toHaveLength(1)
    expect(summary(await planLinkSync(db(), links([withNote])))).toEqual([
      `product.product <> blog.post (${TABLE}): noop`,
    ])
  })

  it("switches to N:N safely", async () => {
    const plan = await planLinkSync(
      db(),
      links([
        [
          { linkable: product, isList: true },
          { linkable: post, isList: true },
          { database: { extraColumns: { note: { type: "text", nullable: true } } } },
        ],
      ]),
    )
    expect(plan.actions[0].changes.map((c) => c.description)).toEqual([
      "drop unique index product_product_blog_post_post_id_unique on (post_id) where (deleted_at IS NULL)",
    ])
    await applyLinkPlan(db(), plan)
    await db().query(`insert into ${TABLE} (id, product_id, post_id) values ('link_3', 'prod_2', 'post_2')`)
  })

  it("counts the rows a tighter cardinality would break and applies nothing when it fails", async () => {
    const comment = blogModule.linkable.comment
    const plan = await planLinkSync(
      db(),
      links([
        [product, post, { database: { extraColumns: { note: { type: "text", nullable: true } } } }],
        [product, comment],
      ]),
    )
    expect(summary(plan)).toEqual([
      `product.product <> blog.post (${TABLE}): update (unsafe) [asks]`,
      "product.product <> blog.comment (product_product_blog_comment): create",
    ])
    expect(plan.actions[0].warnings).toEqual([
      "add unique index product_product_blog_post_product_id_unique on (product_id) where deleted_at is null (2 rows violate it)",
      "add unique index product_product_blog_post_post_id_unique on (post_id) where deleted_at is null (2 rows violate it)",
    ])
    const registryBefore = await readLinkRegistry(db())
    await expect(applyLinkPlan(db(), plan, acceptAll)).rejects.toThrow(
      /Link sync failed at product\.product <> blog\.post/,
    )
    expect(await tableNames(db())).toEqual(["modlink_links", TABLE])
    expect(await readLinkRegistry(db())).toEqual(registryBefore)
    expect(await count(db(), TABLE)).toBe(3)
  })

  it("renames the module with database.table pinned: table kept, rows kept", async () => {
    const article = linkableModule("article", [Post])
    const defs: Def[] = [
      [
        { linkable: product, isList: true },
        { linkable: article.linkable.post, isList: true },
        { database: { table: TABLE, extraColumns: { note: { type: "text", nullable: true } } } },
      ],
    ]
    const plan = await planLinkSync(db(), links(defs, [productModule, article]))
    expect(summary(plan)).toEqual([
      `product.product <> article.post (${TABLE}): rename from product.product <> blog.post, table kept`,
    ])
    expect(plan.actions[0].changes).toEqual([])
    await applyLinkPlan(db(), plan)
    expect((await readLinkRegistry(db()))[0].descriptor.toModule).toBe("article")
    expect(await count(db(), TABLE)).toBe(3)
  })

  it("renames the model with the table pinned: the key column is renamed, rows kept", async () => {
    const Article = model.define("article", { id: model.id().primaryKey(), title: model.text() })
    const article = linkableModule("article", [Article])
    const defs: Def[] = [
      [
        { linkable: product, isList: true },
        { linkable: article.linkable.article, isList: true },
        { database: { table: TABLE, extraColumns: { note: { type: "text", nullable: true } } } },
      ],
    ]
    const plan = await planLinkSync(db(), links(defs, [productModule, article]), {
      models: [
        { module: "article", model: "article" },
        { module: "product", model: "product" },
      ],
    })
    expect(summary(plan)).toEqual([
      `product.product <> article.article (${TABLE}): rename from product.product <> article.post, table kept`,
    ])
    expect(plan.actions[0].changes.map((c) => c.description)).toEqual([
      "rename column post_id → article_id",
      `rename index ${TABLE}_post_id_idx → ${TABLE}_article_id_idx`,
    ])
    await applyLinkPlan(db(), plan)
    const { rows } = await db().query<{ article_id: string }>(`select article_id from ${TABLE} order by id`)
    expect(rows.map((r) => r.article_id)).toEqual(["post_1", "post_2", "post_2"])
  })

  it("renames the table when database.table is unpinned, keeping rows", async () => {
    const Article = model.define("article", { id: model.id().primaryKey(), title: model.text() })
    const article = linkableModule("article", [Article])
    const defs: Def[] = [
      [
        { linkable: product, isList: true },
        { linkable: article.linkable.article, isList: true },
        { database: { extraColumns: { note: { type: "text", nullable: true } } } },
      ],
    ]
    const plan = await planLinkSync(db(), links(defs, [productModule, article]))
    expect(summary(plan)).toEqual([
      `product.product <> article.article (product_product_article_article): rename from product.product <> article.article (${TABLE})`,
    ])
    expect(plan.actions[0].changes[0].statement).toBe(
      `alter table "${TABLE}" rename to "product_product_article_article"`,
    )
    expect(plan.actions[0].changes.every((c) => c.risk === "safe")).toBe(true)
    await applyLinkPlan(db(), plan)
    expect(await tableNames(db())).toEqual(["modlink_links", "product_product_article_article"])
    expect(await count(db(), "product_product_article_article")).toBe(3)
    expect(summary(await planLinkSync(db(), links(defs, [productModule, article])))).toEqual([
      "product.product <> article.article (product_product_article_article): noop",
    ])
  })

  it("renames table and key column when a model is renamed without a pinned table", async () => {
    const Essay = model.define("essay", { id: model.id().primaryKey(), title: model.text() })
    const article = linkableModule("article", [Essay])
    const defs: Def[] = [
      [
        { linkable: product, isList: true },
        { linkable: article.linkable.essay, isList: true },
        { database: { extraColumns: { note: { type: "text", nullable: true } } } },
      ],
    ]
    const plan = await planLinkSync(db(), links(defs, [productModule, article]), {
      models: [{ module: "article", model: "essay" }],
    })
    expect(summary(plan)).toEqual([
      "product.product <> article.essay (product_product_article_essay): rename from product.product <> article.article (product_product_article_article)",
    ])
    expect(plan.actions[0].changes.map((c) => c.statement).slice(0, 2)).toEqual([
      `alter table "product_product_article_article" rename to "product_product_article_essay"`,
      `alter table "product_product_article_essay" rename column "article_id" to "essay_id"`,
    ])
    await applyLinkPlan(db(), plan)
    const { rows } = await db().query<{ essay_id: string }>(
      "select essay_id from product_product_article_essay order by id",
    )
    expect(rows.map((r) => r.essay_id)).toEqual(["post_1", "post_2", "post_2"])
  })

  it("does not take a new link for a rename when the old model still exists", async () => {
    const Essay = model.define("essay", { id: model.id().primaryKey(), title: model.text() })
    const Note = model.define("note", { id: model.id().primaryKey() })
    const article = linkableModule("article", [Essay, Note])
    const plan = await planLinkSync(
      db(),
      links([[product, article.linkable.note]], [productModule, article]),
      {
        models: [
          { module: "article", model: "essay" },
          { module: "article", model: "note" },
        ],
      },
    )
    expect(plan.actions.map((a) => a.kind)).toEqual(["create", "delete"])
  })

  it("deletes a removed link only when accepted, saying how many rows go", async () => {
    const plan = await planLinkSync(db(), [])
    expect(summary(plan)).toEqual([
      "product.product <> article.essay (product_product_article_essay): delete (3 rows) [asks]",
    ])
    expect(renderPlan(plan)).toEqual([
      "delete (asks)  product.product <> article.essay  product_product_article_essay",
      "    ! drop table product_product_article_essay",
      "    ! 3 link rows in product_product_article_essay will be lost",
    ])
    expect(renderPlan(plan, { fate: () => "run" })[0]).toBe(
      "delete  product.product <> article.essay  product_product_article_essay",
    )
    expect((await applyLinkPlan(db(), plan)).skipped).toHaveLength(1)
    expect(await tableNames(db())).toContain("product_product_article_essay")
    await applyLinkPlan(db(), plan, acceptAll)
    expect(await tableNames(db())).toEqual(["modlink_links"])
    expect(await readLinkRegistry(db())).toEqual([])
  })
})

describeBackends("link sync: adoption, long names, read-only links", ({ db }) => {
  it("adopts an untracked table that already matches", async () => {
    const defs = links([[product, post]])
    await applyLinkPlan(db(), await planLinkSync(db(), defs))
    await db().exec("drop table modlink_links")
    const plan = await planLinkSync(db(), defs)
    expect(summary(plan)).toEqual([
      `product.product <> blog.post (${TABLE}): create (adopts the existing table as it is)`,
    ])
    expect(plan.actions[0].changes).toEqual([])
    await applyLinkPlan(db(), plan)
    expect((await readLinkRegistry(db())).map((r) => r.table)).toEqual([TABLE])
  })

  it("creates distinct tables for two links whose long names share their first 63 bytes", async () => {
    const Alpha = model.define("alpha_variant_option_value", { id: model.id().primaryKey() })
    const Beta = model.define("alpha_variant_option_value_translation", { id: model.id().primaryKey() })
    const catalogue = linkableModule("catalogue_management_and_merchandising", [Alpha, Beta])
    const resolved = links(
      [
        [product, catalogue.linkable.alphaVariantOptionValue],
        [product, catalogue.linkable.alphaVariantOptionValueTranslation],
      ],
      [productModule, catalogue],
    )
    const [a, b] = resolved.map((l) => l.table!)
    const requested = resolved.map((l) => (l.readOnly ? "" : l.requestedTable))
    expect(requested[0].slice(0, 63)).toBe(requested[1].slice(0, 63))
    expect(a).not.toBe(b)
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63)
    const plan = await planLinkSync(db(), resolved)
    await applyLinkPlan(db(), plan)
    expect(await tableNames(db())).toEqual(expect.arrayContaining([a, b]))
    const again = await planLinkSync(db(), resolved)
    expect(
      again.actions.filter((action) => action.table === a || action.table === b).map((action) => action.kind),
    ).toEqual(["noop", "noop"])
  })

  it("finds nothing to do right after creating a link with every extra column type", async () => {
    const comment = blogModule.linkable.comment
    const extraColumns = {
      s: { type: "string", defaultValue: "it's" },
      t: { type: "text", nullable: true },
      u: { type: "uuid", nullable: true, defaultValue: "gen_random_uuid()" },
      b: { type: "boolean", defaultValue: false },
      ti: { type: "tinyint", defaultValue: -1 },
      sm: { type: "smallint", defaultValue: 2 },
      me: { type: "mediumint", defaultValue: "3" },
      i: { type: "integer", defaultValue: 0 },
      bi: { type: "bigint", defaultValue: "-5" },
      f: { type: "float", defaultValue: 1.5 },
      d: { type: "double", nullable: true },
      de: { type: "decimal", defaultValue: "10.25" },
      da: { type: "date", defaultValue: "current_date" },
      tm: { type: "time", nullable: true },
      dt: { type: "datetime", defaultValue: "now()" },
      j: { type: "json", defaultValue: "{}" },
      a: { type: "array", defaultValue: "{}" },
      e: { type: "enum", defaultValue: "draft", options: { items: ["draft", "it's live"] } },
      ea: { type: "enumArray", nullable: true, options: { items: ["x", "y"] } },
      bl: { type: "blob", nullable: true },
      ua: { type: "uint8array", nullable: true },
    } as const
    const resolved = links([[product, comment, { database: { extraColumns } }]])
    await applyLinkPlan(db(), await planLinkSync(db(), resolved))
    const again = await planLinkSync(db(), resolved)
    const action = again.actions.find((a) => a.table === "product_product_blog_comment")!
    expect(action.changes).toEqual([])
    expect(action.kind).toBe("noop")
  })

  it("leaves read-only links out of the plan", async () => {
    const readOnly = links([[{ linkable: post, field: "product_id" }, product, { readOnly: true }]])
    const plan = await planLinkSync(db(), readOnly)
    // Only the tables recorded by the tests above, each offered for deletion.
    expect(plan.actions.map((a) => a.kind)).toEqual(["delete", "delete", "delete", "delete"])
    expect(plan.actions.some((a) => a.descriptor.fromModule === "blog")).toBe(false)
  })
})
