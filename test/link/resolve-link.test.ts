import { describe, expect, it } from "vitest"
import { isModlinkError } from "../../src/errors/index.ts"
import { defineLink } from "../../src/link/define-link.ts"
import type { DefineLinkOptions, LinkSideInput } from "../../src/link/link-definition.ts"
import { resolveLinks } from "../../src/link/resolve-link.ts"
import type { ResolvedTableLink } from "../../src/link/resolved-link.ts"
import { blogModule, productModule } from "../support/link-modules.ts"

const modules = [productModule, blogModule]
const product = productModule.linkable.product
const post = blogModule.linkable.post
const FILE = "src/links/product-post.ts"

function resolveOne(left: LinkSideInput, right: LinkSideInput, options?: DefineLinkOptions) {
  return resolveLinks([{ handle: defineLink(left, right, options), file: FILE }], modules)[0]
}

function errorOf(work: () => unknown) {
  try {
    work()
  } catch (error) {
    if (isModlinkError(error)) return error
    throw error
  }
  throw new Error("expected an error")
}

describe("resolveLinks", () => {
  it("resolves the seed's link into plain data", () => {
    const link = resolveOne(product, post)
    expect(link).toEqual({
      entryPoint: "product_post",
      serviceName: "ProductProductBlogPostLink",
      file: FILE,
      descriptor: { fromModule: "product", fromModel: "product", toModule: "blog", toModel: "post" },
      readOnly: false,
      table: "product_product_blog_post",
      requestedTable: "product_product_blog_post",
      idPrefix: "link",
      left: {
        module: "product",
        model: "product",
        entity: "Product",
        modelTable: "product",
        primaryKey: "id",
        key: "product_id",
        isList: false,
        deleteCascade: false,
        field: "product",
      },
      right: {
        module: "blog",
        model: "post",
        entity: "Post",
        modelTable: "post",
        primaryKey: "id",
        key: "post_id",
        isList: false,
        deleteCascade: false,
        field: "post",
      },
      extraColumns: [],
    })
    expect(JSON.parse(JSON.stringify(link))).toEqual(link)
  })

  it("pluralises the field of a list side and records cascade, prefix and pinned table", () => {
    const link = resolveOne(
      product,
      { linkable: post, isList: true, deleteCascade: true },
      {
        database: { table: "Product_Product_Blog_Post", idPrefix: "pp" },
      },
    ) as ResolvedTableLink
    expect(link.right).toMatchObject({ field: "posts", isList: true, deleteCascade: true })
    expect(link.left.field).toBe("product")
    expect(link.table).toBe("product_product_blog_post")
    expect(link.idPrefix).toBe("pp")
  })

  it("maps extra columns to PostgreSQL types with checked defaults", () => {
    const link = resolveOne(product, post, {
      database: {
        extraColumns: {
          sortOrder: { type: "mediumint", defaultValue: "0" },
          label: { type: "string", defaultValue: "it's", nullable: true },
          raw: { type: "text", defaultValue: "'abc'" },
          at: { type: "datetime", defaultValue: "now()" },
          day: { type: "date", nullable: true },
          status: { type: "enum", defaultValue: "draft", options: { items: ["draft", "live"] } },
          tags: { type: "enumArray", nullable: true, options: { items: ["a", "b"] } },
          flag: { type: "boolean", defaultValue: true },
          data: { type: "json", defaultValue: "{}" },
        },
      },
    }) as ResolvedTableLink
    const byName = Object.fromEntries(link.extraColumns.map((c) => [c.name, c]))
    expect(byName.sort_order).toMatchObject({
      property: "sortOrder",
      type: "integer",
      default: "0",
      nullable: false,
    })
    expect(byName.label).toMatchObject({ type: "text", default: "'it''s'", nullable: true })
    expect(byName.raw.default).toBe("'abc'")
    expect(byName.at).toMatchObject({ type: "timestamptz", default: "now()" })
    expect(byName.day.type).toBe("date")
    expect(byName.status).toMatchObject({
      type: "text",
      default: "'draft'",
      check: `"status" in ('draft', 'live')`,
    })
    expect(byName.tags).toMatchObject({ type: "text[]", check: `"tags" <@ array['a', 'b']::text[]` })
    expect(byName.flag.default).toBe("true")
    expect(byName.data).toMatchObject({ type: "jsonb", default: "'{}'" })
  })

  it("never pastes arbitrary SQL from a default into DDL", () => {
    const evil = "0; drop table product; --"
    expect(() =>
      resolveOne(product, post, {
        database: { extraColumns: { n: { type: "integer", defaultValue: evil } } },
      }),
    ).toThrow(/Invalid defaultValue .* not a integer literal/)
    const link = resolveOne(product, post, {
      database: { extraColumns: { s: { type: "text", defaultValue: evil } } },
    })
    expect((link as ResolvedTableLink).extraColumns[0].default).toBe(`'${evil}'`)
    expect(() =>
      resolveOne(product, post, {
        database: { extraColumns: { e: { type: "enum", defaultValue: "x", options: { items: ["a"] } } } },
      }),
    ).toThrow(/not one of a/)
  })

  it("resolves a read-only link: no table, the left model's column holds the right id", () => {
    const link = resolveOne({ linkable: post, field: "product_id" }, product, { readOnly: true })
    expect(link).toMatchObject({ readOnly: true, table: null, entryPoint: "post_product" })
    expect(link.left).toMatchObject({ module: "blog", model: "post", key: "product_id", field: "post" })
    expect(link.right).toMatchObject({ module: "product", key: "id", field: "product", isList: false })
    expect(resolveOne(post, product, { readOnly: true, isList: true }).right.field).toBe("products")
  })

  describe("errors name the link file and what is valid", () => {
    it("module not in the config, with the closest name", () => {
      const error = errorOf(() => resolveOne(product, { ...post, serviceName: "blgo" }))
      expect(error.code).toBe("INVALID_LINK")
      expect(error.message).toContain(`Link ${FILE} uses module "blgo", which is not in the config`)
      expect(error.hint).toMatch(/did you mean "blog"/)
    })

    it("model not linkable", () => {
      const error = errorOf(() => resolveOne(product, { ...post, field: "posts" }))
      expect(error.message).toContain(`model "posts", which module "blog" does not make linkable`)
      expect(error.hint).toMatch(/did you mean "post"/)
    })

    it("same link twice, and two links on one table", () => {
      const twice = errorOf(() =>
        resolveLinks(
          [
            { handle: defineLink(product, post), file: "a.ts" },
            { handle: defineLink(product, { linkable: post, isList: true }), file: "b.ts" },
          ],
          modules,
        ),
      )
      expect(twice.message).toBe(
        `Link product.product <> blog.post is defined twice: a.ts and b.ts\n  hint: ${twice.hint}`,
      )
      const comment = blogModule.linkable.comment
      const sameTable = errorOf(() =>
        resolveLinks(
          [
            { handle: defineLink(product, post, { database: { table: "shared" } }), file: "a.ts" },
            { handle: defineLink(product, comment, { database: { table: "shared" } }), file: "b.ts" },
          ],
          modules,
        ),
      )
      expect(sameTable.message).toMatch(
        /\(a\.ts\) and product\.product <> blog\.comment \(b\.ts\) would both use table "shared"/,
      )
    })

    it("extra columns named like table columns, or of an unknown type", () => {
      for (const name of ["id", "product_id", "post_id", "created_at", "deletedAt"]) {
        expect(() =>
          resolveOne(product, post, { database: { extraColumns: { [name]: { type: "text" } } } }),
        ).toThrow(/named like a column every link table has/)
      }
      const error = errorOf(() =>
        resolveOne(product, post, { database: { extraColumns: { n: { type: "strin" as never } } } }),
      )
      expect(error.message).toContain(
        `Unknown type "strin" for the extra column "n" of link product.product <> blog.post (${FILE})`,
      )
      expect(error.hint).toMatch(/did you mean "string"/)
    })

    it("read-only link whose field is not a column of the left model", () => {
      const error = errorOf(() =>
        resolveOne({ linkable: post, field: "produt_id" }, product, { readOnly: true }),
      )
      expect(error.message).toContain(`model blog.post has no column "produt_id"`)
      expect(error.hint).toMatch(/did you mean "product_id"/)
    })

    it("a model linked to itself", () => {
      expect(() => resolveOne(post, post)).toThrow(/links a model to itself/)
    })
  })
})
