import { toPascalCase } from "../../dml/names.ts"
import type { PulledField, PulledModel, PulledModule, PulledRelation } from "./pulled-module.ts"

/** The module's files, by path relative to the project: one file per model, the service, the index. */
export function renderModule(module: PulledModule, generatedOn: string): Map<string, string> {
  const dir = `src/modules/${module.name}`
  const files = new Map<string, string>()
  const byName = new Map(module.models.map((model) => [model.name, model]))
  for (const model of module.models) {
    files.set(`${dir}/models/${fileName(model)}.ts`, renderModel(model, byName, generatedOn))
  }
  const service = `${toPascalCase(module.name)}ModuleService`
  const constants = module.models.map((model) => model.constant)
  files.set(
    `${dir}/service.ts`,
    [
      `import { ModuleService } from "modlink"`,
      ...module.models.map((model) => `import { ${model.constant} } from "./models/${fileName(model)}.ts"`),
      "",
      "/** create, list, retrieve, update, delete, soft delete and restore: generated for every model. */",
      `export class ${service} extends ModuleService({ ${constants.join(", ")} }) {}`,
      "",
    ].join("\n"),
  )
  files.set(
    `${dir}/index.ts`,
    [
      `import { Module } from "modlink"`,
      `import { ${service} } from "./service.ts"`,
      "",
      `// Written by \`modlink db:pull\` on ${generatedOn}${module.notes.length ? ":" : "."}`,
      ...module.notes.map((note) => `// - ${note}`),
      `export default Module(${JSON.stringify(module.name)}, { service: ${service} })`,
      "",
    ].join("\n"),
  )
  return files
}

function fileName(model: PulledModel): string {
  return model.name.replaceAll("_", "-")
}

function renderModel(
  model: PulledModel,
  byName: ReadonlyMap<string, PulledModel>,
  generatedOn: string,
): string {
  const related = [...new Set(model.relations.map((r) => r.target))].filter((name) => name !== model.name)
  const imports = [
    `import { model } from "modlink"`,
    ...related.map((name) => {
      const target = byName.get(name)!
      return `import { ${target.constant} } from "./${fileName(target)}.ts"`
    }),
  ]
  const names =
    model.table === model.name
      ? JSON.stringify(model.name)
      : `{ name: ${JSON.stringify(model.name)}, tableName: ${JSON.stringify(model.table)} }`
  const lines = [
    ...imports,
    "",
    `// Table ${model.table}, read by \`modlink db:pull\` on ${generatedOn}.`,
    ...model.notes.map((note) => `// - ${note}`),
    `export const ${model.constant} = model.define(${names}, {`,
    ...model.fields.map(
      (field) => `  ${key(field.name)}: ${fieldBuilder(field)},${field.note ? ` // ${field.note}` : ""}`,
    ),
    ...model.relations.map((relation) => `  ${key(relation.name)}: ${relationBuilder(relation, byName)},`),
    "})",
    "",
  ]
  return lines.join("\n")
}

function fieldBuilder(field: PulledField): string {
  let text =
    field.type === "enum" ? `model.enum(${JSON.stringify(field.enumValues)})` : `model.${field.type}()`
  if (field.primaryKey) text += ".primaryKey()"
  else if (field.nullable) text += ".nullable()"
  if (field.default !== undefined) text += `.default(${JSON.stringify(field.default)})`
  if (field.unique) text += `.unique(${JSON.stringify(field.unique)})`
  if (field.index) text += `.index(${JSON.stringify(field.index)})`
  return text
}

function relationBuilder(relation: PulledRelation, byName: ReadonlyMap<string, PulledModel>): string {
  const target = byName.get(relation.target)!.constant
  const options = Object.entries(relation.options)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
  const args = options.length ? `, { ${options.join(", ")} }` : ""
  return `model.${relation.kind}(() => ${target}${args})${relation.nullable ? ".nullable()" : ""}`
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)
}
