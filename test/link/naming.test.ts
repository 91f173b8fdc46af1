import { describe, expect, it } from "vitest"
import { fitIdentifier, IDENTIFIER_MAX_BYTES, linkIndexName } from "../../src/dml/identifiers.ts"
import {
  composeLinkTableName,
  linkEntryPoint,
  linkKeyColumns,
  linkQueryField,
  linkServiceName,
  linkTableName,
} from "../../src/link/naming.ts"

const product = { module: "product", field: "product", key: "product_id" }
const post = { module: "blog", field: "post", key: "post_id" }
const bytes = (text: string) => Buffer.byteLength(text, "utf8")

describe("link names", () => {
  it("derives the seed's names for product <> blog.post", () => {
    expect(linkTableName(product, post)).toBe("product_product_blog_post")
    expect(linkEntryPoint(product, post)).toBe("product_post")
    expect(linkServiceName(product, post)).toBe("ProductProductBlogPostLink")
    expect(linkKeyColumns(product, post)).toEqual(["product_id", "post_id"])
  })

  it("follows Medusa's worked names for camel models and keys that are not <model>_id", () => {
    const variant = { module: "product", field: "productVariant", key: "product_variant_id" }
    const region = { module: "region", field: "region", key: "region_id" }
    const currency = { module: "currency", field: "currency", key: "currency_code" }
    expect(linkTableName(variant, region)).toBe("product_product_variant_region_region")
    expect(linkEntryPoint(variant, region)).toBe("product_variant_region")
    expect(linkServiceName(variant, region)).toBe("ProductProductVariantRegionRegionLink")
    expect(linkTableName(currency, region)).toBe("currency_currency_code_region_region")
    expect(
      composeLinkTableName({ module: "helloModule", field: "myCustom", key: "my_custom_id" }, product),
    ).toBe("hellomodule_my_custom_product_product")
  })

  it("is directional: swapping the sides gives another link", () => {
    expect(linkTableName(post, product)).toBe("blog_post_product_product")
    expect(linkEntryPoint(post, product)).toBe("post_product")
  })

  it("lowercases a pinned table name like Medusa", () => {
    expect(linkTableName(product, post, "Product_Product_Blog_Post")).toBe("product_product_blog_post")
  })

  it("pluralises a query field when the side is a list, and keeps an explicit field", () => {
    expect(linkQueryField({ ...post, isList: true })).toBe("posts")
    expect(linkQueryField({ ...post, isList: false })).toBe("post")
    expect(linkQueryField({ module: "x", field: "category", key: "category_id", isList: true })).toBe(
      "categories",
    )
    expect(linkQueryField({ ...post, isList: true }, "articles")).toBe("articles")
  })

  it("prefixes key columns with their module when both models share a key name", () => {
    expect(linkKeyColumns(product, { module: "shop", field: "product", key: "product_id" })).toEqual([
      "product_product_id",
      "shop_product_id",
    ])
  })
})

describe("fitIdentifier", () => {
  it("keeps names that fit", () => {
    const name = "a".repeat(63)
    expect(fitIdentifier(name)).toBe(name)
  })

  it("shortens a long name readably with a stable hash, within 63 bytes", () => {
    const name = "catalogue_management_product_variant_option_inventory_catalogue_management_stock_location"
    const short = fitIdentifier(name)
    expect(bytes(short)).toBeLessThanOrEqual(IDENTIFIER_MAX_BYTES)
    expect(short).toMatch(/^catal_manag_produ_varia_optio_inve_cata_mana_stoc_loca_[0-9a-f]{8}$/)
    expect(fitIdentifier(name)).toBe(short)
  })

  it("drops consecutive repeated words before cutting any", () => {
    const name = "product_product_blog_blog_post_with_a_long_descriptive_name_here"
    expect(name.length).toBeGreaterThan(63)
    expect(fitIdentifier(name)).toMatch(/^product_blog_post_with_a_long_descriptive_name_here_[0-9a-f]{8}$/)
  })

  it("never gives the same name to two long names sharing their first 63 bytes", () => {
    const prefix = "x".repeat(40).concat("_module_model_other_module_other_model")
    const a = fitIdentifier(`${prefix}_alpha`)
    const b = fitIdentifier(`${prefix}_beta`)
    expect(`${prefix}_alpha`.slice(0, 63)).toBe(`${prefix}_beta`.slice(0, 63))
    expect(a).not.toBe(b)
  })

  it("counts bytes, not characters, and never splits a character", () => {
    const name = `${"é".repeat(30)}_${"ü".repeat(10)}_model`
    expect(name.length).toBeLessThanOrEqual(63)
    const short = fitIdentifier(name)
    expect(bytes(short)).toBeLessThanOrEqual(63)
    expect(short).not.toContain("\uFFFD")
    expect(Buffer.from(short, "utf8").toString("utf8")).toBe(short)
  })

  it("fits names made of many words", () => {
    const name = Array.from({ length: 40 }, (_, i) => `w${i}`).join("_")
    expect(bytes(fitIdentifier(name))).toBeLessThanOrEqual(63)
  })

  it("fits index names built on an already shortened table name", () => {
    const table = fitIdentifier(`${"inventory_management_".repeat(3)}product_product_variant`)
    const index = linkIndexName(table, "product_variant_id", "unique")
    expect(bytes(index)).toBeLessThanOrEqual(63)
    expect(index).not.toBe(linkIndexName(table, "product_variant_id", "idx"))
  })
})
