import type { App } from "../../app/index.ts"
import type { DmlModel } from "../../dml/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"

/** The module and model behind an entity name, for calls that go through module services. */
export interface RecordTarget {
  module: string
  model: DmlModel
  /** `{ blog: { post_id: ids } }`: how the link service names these records. */
  records(ids: string[]): Record<string, Record<string, string[]>>
}

export function recordTarget(app: App, entity: unknown): RecordTarget {
  const models = app.modules.flatMap(({ definition }) =>
    definition.models.map((model) => ({ module: definition.name, model })),
  )
  const found = models.find((m) => m.model.snakeName === entity)
  if (!found) {
    throw new ModlinkError("UNKNOWN_ENTITY", `"${String(entity)}" is not a model`, {
      hint: suggest(
        String(entity),
        models.map((m) => m.model.snakeName),
        "models (link rows are dismissed, not deleted)",
      ),
    })
  }
  return {
    ...found,
    records: (ids) => ({ [found.module]: { [found.model.linkableKey()]: ids } }),
  }
}

/** `ids`: a non-empty list of strings. */
export function readIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((id) => typeof id !== "string")) {
    throw new ModlinkError("INVALID_INPUT", "`ids` must be a non-empty list of record ids", {
      hint: '{ "entity": "product", "ids": ["prod_…"] }',
    })
  }
  return value as string[]
}
