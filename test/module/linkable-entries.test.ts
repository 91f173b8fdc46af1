import { describe, expect, it } from "vitest"
import { model } from "../../src/dml/model-builder.ts"
import { Module, ModuleService } from "../../src/module/index.ts"

const Brand = model.define("brand", { id: model.id().primaryKey(), name: model.text() })
const BrandLogo = model.define("brand_logo", { id: model.id().primaryKey(), url: model.text() })
const BrandModule = Module("brand", { service: ModuleService({ Brand, BrandLogo }) })

describe("Module().linkable", () => {
  it("names the module and suggests its linkables for a name it does not hold", () => {
    let error: any
    try {
      ;(BrandModule.linkable as Record<string, unknown>).brnd
    } catch (caught) {
      error = caught
    }
    expect(error.code).toBe("INVALID_LINK")
    expect(error.message).toMatch(/^Module "brand" has no linkable "brnd"/)
    expect(error.hint).toBe('did you mean "brand"? linkables of brand: brand, brandLogo')
  })

  it("still reads like a plain object", async () => {
    expect(BrandModule.linkable.brand.linkable).toBe("brand_id")
    expect(Object.keys(BrandModule.linkable)).toEqual(["brand", "brandLogo"])
    expect("brnd" in BrandModule.linkable).toBe(false)
    expect(await Promise.resolve(BrandModule.linkable)).toBe(BrandModule.linkable)
    expect(JSON.parse(JSON.stringify(BrandModule.linkable)).brand.serviceName).toBe("brand")
  })
})
