import type { DmlModel } from "../../src/dml/model.ts"
import { model } from "../../src/dml/model-builder.ts"
import type { Linkable } from "../../src/link/linkable.ts"
import type { LinkableModule } from "../../src/link/resolve-link.ts"

/**
 * A module as the link resolver sees it, with its `linkable` entries written by hand (the way
 * `Module()` builds them), so link tests do not depend on module loading.
 */
export function linkableModule(name: string, models: DmlModel[]): LinkableModule {
  const linkable: Record<string, Linkable> = {}
  for (const m of models) {
    linkable[m.name] = {
      serviceName: name,
      field: m.name,
      linkable: `${m.snakeName}_${m.primaryKeys[0]}`,
      primaryKey: m.primaryKeys[0],
      entity: m.entityName,
    }
  }
  return { name, models, linkable }
}

export const Product = model.define("product", {
  id: model.id({ prefix: "prod" }).primaryKey(),
  title: model.text(),
})
export const Post = model.define("post", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text(),
  product_id: model.text().nullable(),
})
export const Comment = model.define("comment", { id: model.id().primaryKey(), body: model.text() })

export const productModule = linkableModule("product", [Product])
export const blogModule = linkableModule("blog", [Post, Comment])
