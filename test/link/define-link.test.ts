import { describe, expect, it } from "vitest"
import { isModlinkError } from "../../src/errors/index.ts"
import { defineLink, isLinkHandle } from "../../src/link/define-link.ts"
import { resolveLinks } from "../../src/link/resolve-link.ts"
import { blogModule, productModule } from "../support/link-modules.ts"

const product = productModule.linkable.product
const post = blogModule.linkable.post

describe("defineLink", () => {
  it("accepts two linkable entries and returns a recognisable handle", () => {
    const link = defineLink(product, post)
    expect(isLinkHandle(link)).toBe(true)
    expect(isLinkHandle({ left: product })).toBe(false)
    expect(link.left).toEqual({ linkable: product, isList: false, deleteCascade: false })
    expect(link.right.isList).toBe(false)
  })

  it("accepts option objects on either side, with Medusa's deleteCascades spelling", () => {
    const link = defineLink(
      { linkable: product, isList: true },
      { linkable: post, isList: true, deleteCascades: true },
    )
    expect(link.left).toEqual({ linkable: product, isList: true, deleteCascade: false })
    expect(link.right).toEqual({ linkable: post, isList: true, deleteCascade: true })
    expect(defineLink(product, { linkable: post, deleteCascade: true }).right.deleteCascade).toBe(true)
  })

  it("keeps the options as written", () => {
    const options = {
      database: { table: "pinned", idPrefix: "pp", extraColumns: { note: { type: "text" as const } } },
    }
    expect(defineLink(product, post, options).options).toBe(options)
  })

  it("rejects a side that is not a linkable, showing what was passed and what is valid", () => {
    const attempt = () => defineLink(product, { model: "post" } as never)
    expect(attempt).toThrow(
      /Invalid linkable passed for the second argument of defineLink: \{\n {2}"model": "post"\n\}/,
    )
    try {
      attempt()
    } catch (error) {
      expect(isModlinkError(error) && error.code).toBe("INVALID_LINK")
      expect(isModlinkError(error) && error.hint).toMatch(/BlogModule\.linkable\.post/)
    }
    expect(() => defineLink(undefined as never, post)).toThrow(/first argument of defineLink: undefined/)
  })

  it("rejects misspelled or mistyped properties with the closest valid one", () => {
    expect(() => defineLink(product, { linkable: post, islist: true } as never)).toThrow(
      /Unknown property "islist"[\s\S]*did you mean "isList"/,
    )
    expect(() => defineLink(product, { linkable: post, isList: "yes" } as never)).toThrow(
      /isList of the second argument must be a boolean/,
    )
    expect(() => defineLink(product, post, { databse: {} } as never)).toThrow(/did you mean "database"/)
    expect(() => defineLink(product, post, { database: { extraColumns: { x: "text" } } } as never)).toThrow(
      /Invalid extra column "x"/,
    )
  })

  it("rejects options that contradict a read-only link", () => {
    expect(() => defineLink(post, product, { readOnly: true, database: { table: "t" } })).toThrow(
      /read-only link has no table/,
    )
    expect(() => defineLink({ linkable: post, deleteCascade: true }, product, { readOnly: true })).toThrow(
      /cannot cascade/,
    )
    expect(() => defineLink(product, post, { isList: true })).toThrow(/read-only links only/)
  })

  it("answers its names once the app has resolved it, and says why not before", () => {
    const link = defineLink(product, { linkable: post, isList: true })
    expect(() => link.entryPoint).toThrow(
      /entryPoint of link product\.product <> blog\.post is not known yet/,
    )
    resolveLinks([{ handle: link, file: "src/links/product-post.ts" }], [productModule, blogModule])
    expect(link.entryPoint).toBe("product_post")
    expect(link.table).toBe("product_product_blog_post")
    expect(link.serviceName).toBe("ProductProductBlogPostLink")
  })
})
