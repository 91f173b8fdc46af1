/**
 * A generated app with 50 links: five modules of six models each (the first two of each module
 * related by hasMany/belongsTo) plus the built-in product module, and 50 links between models of
 * different modules with every cardinality, some cascading, some with extra columns. What a large
 * shop's graph looks like, for the studio's "readable with 50 links".
 */
const MODULES: Record<string, string[]> = {
  catalog: ["brand", "supplier", "warehouse", "shelf", "bundle", "season"],
  crm: ["account", "contact", "customer", "lead", "segment", "campaign"],
  billing: ["invoice", "payment", "refund", "discount", "voucher", "pricelist"],
  content: ["article", "banner", "review", "media", "faq", "page"],
  shipping: ["carrier", "shipment", "parcel", "zone", "pickup", "courier"],
}

export const MANY_LINKS = 50

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1)

function moduleFiles(module: string, models: string[]): Record<string, string> {
  const [parent, child] = models
  const define = (name: string) => {
    const relation =
      name === parent
        ? `\n  ${child}s: model.hasMany(() => ${pascal(child)}, { mappedBy: "${parent}" }),`
        : name === child
          ? `\n  ${parent}: model.belongsTo(() => ${pascal(parent)}, { mappedBy: "${child}s" }),`
          : ""
    return `export const ${pascal(name)} = model.define("${name}", {
  id: model.id({ prefix: "${name.slice(0, 4)}" }).primaryKey(),
  name: model.text(),${relation}
})`
  }
  const classes = models.map(pascal).join(", ")
  return {
    [`src/modules/${module}/models.ts`]: `import { model } from "modlink"\n\n${models.map(define).join("\n\n")}\n`,
    [`src/modules/${module}/index.ts`]: `import { Module, ModuleService } from "modlink"
import { ${classes} } from "./models"
class Service extends ModuleService({ ${classes} }) {}
export default Module("${module}", { service: Service })
`,
  }
}

interface Side {
  module: string
  model: string
}

/**
 * 50 distinct pairs of models from different modules: each model with the one 7 places further
 * in the list, then 13 places further (modules hold 6 models, so both are in another module).
 */
function linkPairs(): [Side, Side][] {
  const all: Side[] = [
    { module: "product", model: "product" },
    ...Object.entries(MODULES).flatMap(([module, models]) => models.map((model) => ({ module, model }))),
  ]
  const pairs = [7, 13].flatMap((stride) =>
    all.map((left, i): [Side, Side] => [left, all[(i + stride) % all.length]]),
  )
  return pairs.filter(([left, right]) => left.module !== right.module).slice(0, MANY_LINKS)
}

const linkable = (side: Side) =>
  side.module === "product"
    ? "ProductModule.linkable.product"
    : `${pascal(side.module)}Module.linkable.${side.model}`

function linkFile([left, right]: [Side, Side], i: number): string {
  const imports = new Set([left, right].filter((s) => s.module !== "product").map((s) => s.module))
  const leftSide = i % 4 >= 2 ? `{ linkable: ${linkable(left)}, isList: true }` : linkable(left)
  const cascade = i % 7 === 0 ? ", deleteCascade: true" : ""
  const rightSide = `{ linkable: ${linkable(right)}${i % 2 === 1 ? ", isList: true" : ""}${cascade} }`
  const options =
    i % 5 === 0
      ? `, { database: { extraColumns: { position: { type: "integer", defaultValue: 0 }, note: { type: "text", nullable: true } } } }`
      : ""
  return `import { defineLink } from "modlink"
import ProductModule from "modlink/product"
${[...imports].map((m) => `import ${pascal(m)}Module from "../modules/${m}"`).join("\n")}
export default defineLink(${leftSide}, ${rightSide}${options})
`
}

/** The project's files: config, five modules, 50 link files. */
export function manyLinksProject(): Record<string, string> {
  const files: Record<string, string> = {
    "modlink.config.ts": `import { defineConfig } from "modlink"
export default defineConfig({
  modules: ["modlink/product", ${Object.keys(MODULES)
    .map((m) => `"./src/modules/${m}"`)
    .join(", ")}],
})
`,
  }
  for (const [module, models] of Object.entries(MODULES)) Object.assign(files, moduleFiles(module, models))
  linkPairs().forEach((pair, i) => {
    files[`src/links/${pair[0].model}-${pair[1].model}.ts`] = linkFile(pair, i)
  })
  return files
}
