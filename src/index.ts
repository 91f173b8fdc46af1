/** modlink's public surface: what `import { … } from "modlink"` gives. */
export {
  App,
  type CreateAppOptions,
  createApp,
  defineConfig,
  type ExecArgs,
  type ModlinkConfig,
} from "./app/index.ts"
export type { AppGraph, Container, ModlinkRegistry } from "./app/registry.ts"
export { type DmlModel, model } from "./dml/index.ts"
export type { CreateInput, InferTypeOf, UpdateInput } from "./dml/infer.ts"
export { isModlinkError, ModlinkError } from "./errors/index.ts"
export { type DefineLinkOptions, defineLink, type Linkable } from "./link/index.ts"
export type {
  CascadeReport,
  DeleteOptions,
  LinkEvent,
  LinkEventHandler,
  LinkEventName,
  LinkInput,
  LinkListInput,
  LinkRow,
  LinkService,
  ListOptions,
  RecordsInput,
} from "./link/service/index.ts"
export { type FindConfig, Module, type ModuleDefinition, ModuleService } from "./module/index.ts"
export type {
  ExplainResult,
  FilterInput,
  GraphInput,
  GraphResult,
  NestedInput,
  OrderInput,
  PaginationInput,
  QueryEngine,
  ReadOptions,
  StreamOptions,
} from "./query/index.ts"

export type { Transaction, TransactionOptions } from "./transaction/index.ts"

/** Names of the built-in modules, as in Medusa. */
export const Modules = {
  PRODUCT: "product",
} as const
