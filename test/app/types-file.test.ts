import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type App, createApp } from "../../src/app/index.ts"
import { renderTypesFile, TYPES_FILE } from "../../src/app/types-file.ts"
import { REPO } from "../cli/run-cli.ts"

const EXAMPLE = join(REPO, "examples", "blog")

describe("modlink-env.d.ts", () => {
  let app: App
  beforeAll(async () => {
    app = await createApp({ cwd: EXAMPLE, databaseUrl: "pglite:memory" })
  })
  afterAll(() => app?.close())

  it("the example's checked-in file is what `modlink types` writes (run it after adding a link or module)", () => {
    expect(readFileSync(join(EXAMPLE, TYPES_FILE), "utf8")).toBe(renderTypesFile(app))
  })

  it("names every configured module and every link file", () => {
    const text = renderTypesFile(app)
    expect(text).toContain('product: typeof import("modlink/product").default')
    expect(text).toContain('blog: typeof import("./src/modules/blog/index.ts").default')
    for (const file of ["collection-posts", "post-tags", "product-post"]) {
      expect(text).toContain(`typeof import("./src/links/${file}.ts").default,`)
    }
  })
})
