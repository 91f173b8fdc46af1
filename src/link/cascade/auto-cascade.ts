import type { DmlModel } from "../../dml/index.ts"
import type { RecordChange } from "../../module/service-context.ts"
import type { LinkService } from "../service/link-service.ts"

/**
 * The `afterChange` hook the app gives each module service: deleting or soft-deleting records
 * through a service runs `link.delete` on them, restoring runs `link.restore`. Forgetting to call
 * `link.delete` by hand is how Medusa apps end up with dangling links; `{ cascadeLinks: false }`
 * on the service call skips this.
 */
export function linkCascadeHook(link: LinkService, module: string) {
  return (change: RecordChange, model: DmlModel, ids: string[]) => {
    const input = { [module]: { [model.linkableKey()]: ids } }
    return change === "restore" ? link.restore(input) : link.delete(input)
  }
}
