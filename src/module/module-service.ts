import type { DmlModel } from "../dml/index.ts"
import { resolveRelationships } from "../dml/index.ts"
import { methodNames } from "./method-names.ts"
import { type FindConfig, listRecords, retrieveRecord } from "./methods/read.ts"
import { changeRecords } from "./methods/remove.ts"
import { createRecords, updateRecords } from "./methods/write.ts"
import { modelRuntime } from "./model-runtime.ts"
import { serviceContextOf } from "./service-context.ts"
import type { ModelMap, ServiceMethods } from "./service-types.ts"

/** What the app hands a service's constructor. */
export interface ServiceDependencies {
  container: unknown
}

/** A generated service class, or a class extending one; the app constructs it once. */
export interface ServiceClass {
  new (dependencies?: ServiceDependencies): object
  readonly models: readonly DmlModel[]
}

/** A generated service class; its methods are named and typed per model (`service-types.ts`). */
export interface ModuleServiceClass<Models extends ModelMap> {
  new (dependencies?: ServiceDependencies): ServiceMethods<Models>
  readonly models: readonly DmlModel[]
  /** Never set: the models the methods are typed from, for `Module`'s linkable entries. */
  readonly "~models"?: Models
}

/**
 * `class BlogService extends ModuleService({ Post, Comment }) {}` gives, per model, createPosts,
 * updatePosts, retrievePost, listPosts, listAndCountPosts, deletePosts, softDeletePosts and
 * restorePosts, all batched and running on the app's query engine.
 */
export function ModuleService<const Models extends ModelMap>(models: Models): ModuleServiceClass<Models> {
  const list = Object.values(models)
  const relationships = resolveRelationships(list)
  class GeneratedService {
    static readonly models = list;
    [method: string]: any
  }
  for (const model of list) {
    const runtime = modelRuntime(model, relationships)
    const names = methodNames(model)
    const methods: Record<string, (this: object, ...args: any[]) => Promise<unknown>> = {
      [names.create](data) {
        return createRecords(serviceContextOf(this, names.create), runtime, data)
      },
      [names.update](data) {
        return updateRecords(serviceContextOf(this, names.update), runtime, data)
      },
      [names.retrieve](id: string, config?: FindConfig) {
        return retrieveRecord(serviceContextOf(this, names.retrieve), runtime, id, config)
      },
      async [names.list](filters?: Record<string, unknown>, config?: FindConfig) {
        return (await listRecords(serviceContextOf(this, names.list), runtime, filters, config)).data
      },
      async [names.listAndCount](filters?: Record<string, unknown>, config?: FindConfig) {
        const ctx = serviceContextOf(this, names.listAndCount)
        const { data, count } = await listRecords(ctx, runtime, filters, config)
        return [data, count ?? data.length]
      },
      async [names.delete](selector, options) {
        await changeRecords(serviceContextOf(this, names.delete), runtime, "delete", selector, options)
      },
      [names.softDelete](selector, options) {
        return changeRecords(
          serviceContextOf(this, names.softDelete),
          runtime,
          "softDelete",
          selector,
          options,
        )
      },
      [names.restore](selector, options) {
        return changeRecords(serviceContextOf(this, names.restore), runtime, "restore", selector, options)
      },
    }
    for (const [name, fn] of Object.entries(methods)) {
      Object.defineProperty(GeneratedService.prototype, name, {
        value: fn,
        writable: true,
        configurable: true,
      })
    }
  }
  return GeneratedService as unknown as ModuleServiceClass<Models>
}
