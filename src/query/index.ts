export { createQueryEngine, type QueryEngine, type QueryEngineOptions } from "./query-engine.ts"
export type {
  EdgeStrategy,
  ExplainedEdge,
  ExplainedFragment,
  ExplainResult,
  FilterInput,
  GraphInput,
  GraphMetadata,
  GraphResult,
  NestedInput,
  OrderDirection,
  OrderInput,
  PaginationInput,
  ReadOptions,
  StreamOptions,
} from "./query-input.ts"
