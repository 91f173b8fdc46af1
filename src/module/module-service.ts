import type { DmlModel } from "../dml/index.ts"
import { resolveRelationships } from "../dml/index.ts"
import { methodNames } from "./method-names.ts"
import { type FindConfig, listRecords, retrieveRecord } from "./methods/read.ts"
import { changeRecords } from "./methods/remove.ts"
import { createRecords, updateRecords } from "./methods/write.ts"
import { modelRuntime } from "./model-runtime.ts"
import { serviceContextOf } from "./service-context.ts"

/** A generated service class; methods are named per model, so they are typed by index. */
export interface ModuleServiceClass {
  new (...args: any[]): { [method: string]: any }
  readonly models: readonly DmlModel[]
}

/**
 * `class BlogService extends ModuleService({ Post, Comment }) {}` gives, per model, createPosts,
 * updatePosts, retrievePost, listPosts, listAndCountPosts, deletePosts, softDeletePosts and
 * restorePosts, all batched and running on the app's query engine.
 */
export function ModuleService(models: Record<string, DmlModel>): ModuleServiceClass {
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
  return GeneratedService
}
