import { describe, expect, it } from "vitest"
import { defineLink } from "../../src/link/define-link.ts"
import { linkTableSchema } from "../../src/link/link-table.ts"
import { resolveLinks } from "../../src/link/resolve-link.ts"
import type { ResolvedTableLink } from "../../src/link/resolved-link.ts"
import { blogModule, productModule } from "../support/link-modules.ts"

const product = productModule.linkable.product
const post = blogModule.linkable.post

function schemaOf(leftIsList: boolean, rightIsList: boolean) {
  const handle = defineLink(
    { linkable: product, isList: leftIsList },
    { linkable: post, isList: rightIsList },
  )
  const [link] = resolveLinks([{ handle, file: "l.ts" }], [productModule, blogModule])
  return linkTableSchema(link as ResolvedTableLink)
}

const uniqueKeys = (leftIsList: boolean, rightIsList: boolean) =>
  schemaOf(leftIsList, rightIsList)
    .indexes.filter((i) => i.unique && i.where)
    .map((i) => i.columns[0])

describe("linkTableSchema", () => {
  it("has the seed's columns, a composite primary key, key indexes and no foreign keys", () => {
    const table = schemaOf(false, false)
    expect(table.name).toBe("product_product_blog_post")
    expect(
      table.columns.map(
        (c) =>
          `${c.name} ${c.type}${c.nullable ? "" : " not null"}${c.default ? ` default ${c.default}` : ""}`,
      ),
    ).toEqual([
      "id text not null",
      "product_id text not null",
      "post_id text not null",
      "created_at timestamptz not null default now()",
      "updated_at timestamptz not null default now()",
      "deleted_at timestamptz",
    ])
    expect(table.primaryKey).toEqual(["product_id", "post_id"])
    expect(table.foreignKeys).toEqual([])
    expect(table.indexes.filter((i) => !i.where)).toEqual([
      { name: "product_product_blog_post_id_unique", columns: ["id"], unique: true },
      { name: "product_product_blog_post_product_id_idx", columns: ["product_id"], unique: false },
      { name: "product_product_blog_post_post_id_idx", columns: ["post_id"], unique: false },
      { name: "product_product_blog_post_deleted_at_idx", columns: ["deleted_at"], unique: false },
    ])
  })

  it("enforces cardinality with partial unique indexes over live rows", () => {
    expect(uniqueKeys(false, false)).toEqual(["product_id", "post_id"])
    // A product has many posts: each post belongs to at most one product.
    expect(uniqueKeys(false, true)).toEqual(["post_id"])
    expect(uniqueKeys(true, false)).toEqual(["product_id"])
    expect(uniqueKeys(true, true)).toEqual([])
    expect(schemaOf(false, true).indexes.find((i) => i.where)).toEqual({
      name: "product_product_blog_post_post_id_unique",
      columns: ["post_id"],
      unique: true,
      where: "deleted_at is null",
    })
  })
})
