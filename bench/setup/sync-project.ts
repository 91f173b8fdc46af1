import { type ProjectDir, writeProject } from "./bench-project.ts"

export const SYNC_LINKS = 50

const name = (i: number) => `item${String(i + 1).padStart(2, "0")}`

/**
 * A project with 50 links for `db:sync-links`: a `catalog` module of 50 small models, each linked
 * to product. 50 distinct model pairs are needed (the same pair twice is refused at load).
 */
export function writeSyncProject(): ProjectDir {
  const files: Record<string, string> = {}
  const models = Array.from({ length: SYNC_LINKS }, (_, i) => name(i))
  for (const model of models) {
    files[`src/modules/catalog/models/${model}.ts`] = `
import { model } from "modlink"
export const ${model} = model.define("${model}", {
  id: model.id({ prefix: "${model}" }).primaryKey(),
  label: model.text(),
})
`
    files[`src/links/product-${model}.ts`] = `
import ProductModule from "modlink/product"
import CatalogModule from "../modules/catalog"
import { defineLink } from "modlink"
export default defineLink(ProductModule.linkable.product, { linkable: CatalogModule.linkable.${model}, isList: true })
`
  }
  files["src/modules/catalog/service.ts"] = `
import { ModuleService } from "modlink"
${models.map((m) => `import { ${m} } from "./models/${m}"`).join("\n")}
export default class CatalogService extends ModuleService({ ${models.join(", ")} }) {}
`
  files["src/modules/catalog/index.ts"] = `
import { Module } from "modlink"
import CatalogService from "./service"
export default Module("catalog", { service: CatalogService })
`
  files["modlink.config.ts"] = `
import { defineConfig } from "modlink"
export default defineConfig({ modules: ["modlink/product", "./src/modules/catalog"] })
`
  return writeProject(files)
}
