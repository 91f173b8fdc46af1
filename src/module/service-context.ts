import type { Database } from "../db/index.ts"
import type { DmlModel } from "../dml/index.ts"

/** What a list call asks of the query engine; the engine's own input type is a superset. */
export interface ServiceGraphInput {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, unknown> }
  withDeleted?: boolean
}

export interface ServiceGraphRunner {
  graph(
    input: ServiceGraphInput,
    options?: { consistency?: "replica" | "primary" },
  ): Promise<{ data: Record<string, unknown>[]; metadata?: { count: number } }>
}

export type RecordChange = "delete" | "softDelete" | "restore"

/**
 * What the app hands a module service once it is loaded: its database, the query engine its
 * list/retrieve calls run on, and the hook that runs link cascades after deletes (auto cascade).
 */
export interface ServiceContext {
  module: string
  db: Database
  query: ServiceGraphRunner
  afterChange?: (change: RecordChange, model: DmlModel, ids: string[]) => Promise<unknown>
  /**
   * Runs `run` with a context whose database, query and `afterChange` share one transaction. Set
   * when the module's tables and the link tables are on one database, so a delete and its link
   * cascade commit or fail as one; inside `app.transaction`, that transaction is the one joined.
   */
  together?: <T>(run: (ctx: ServiceContext) => Promise<T>) => Promise<T>
}

const CONTEXT = Symbol.for("modlink.serviceContext")

export function attachServiceContext(service: object, context: ServiceContext): void {
  Object.defineProperty(service, CONTEXT, { value: context, enumerable: false, writable: true })
}

export function serviceContextOf(service: object, method: string): ServiceContext {
  const context = (service as Record<symbol, ServiceContext | undefined>)[CONTEXT]
  if (!context) {
    throw new Error(
      `${method}() was called on a service the app did not load; get services from the app: app.resolve("<module>")`,
    )
  }
  return context
}
