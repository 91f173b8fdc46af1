export type { Edge, Through } from "./edge.ts"
export type { Entity, EntityField, FieldType } from "./entity.ts"
export { SchemaGraph } from "./schema-graph.ts"
