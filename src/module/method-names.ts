import type { DmlModel } from "../dml/index.ts"
import { plural } from "../dml/index.ts"

/** Generated method names for one model, e.g. `createPosts`, `retrievePost`. Medusa's spelling. */
export function methodNames(model: DmlModel) {
  const one = model.entityName
  const many = plural(one)
  return {
    create: `create${many}`,
    update: `update${many}`,
    retrieve: `retrieve${one}`,
    list: `list${many}`,
    listAndCount: `listAndCount${many}`,
    delete: `delete${many}`,
    softDelete: `softDelete${many}`,
    restore: `restore${many}`,
  } as const
}
