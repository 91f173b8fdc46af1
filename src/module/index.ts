export { methodNames } from "./method-names.ts"
export type { FindConfig } from "./methods/read.ts"
export type { RemoveOptions } from "./methods/remove.ts"
export { isModuleDefinition, type LinkableModel, Module, type ModuleDefinition } from "./module-definition.ts"
export { ModuleService, type ModuleServiceClass } from "./module-service.ts"
export {
  attachServiceContext,
  type RecordChange,
  type ServiceContext,
  type ServiceGraphRunner,
  serviceContextOf,
} from "./service-context.ts"
