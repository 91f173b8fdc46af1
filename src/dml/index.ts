export type { FieldType } from "./field-type.ts"
export {
  isDateText,
  isFiniteNumber,
  isIntegerIn,
  isIntegerText,
  isNumericText,
  isPlainObject,
  isScalarArray,
  isText,
  isValidDate,
  jsonText,
} from "./field-values.ts"
export { generateId } from "./generate-id.ts"
export { DmlModel, IMPLICIT_COLUMNS, type ModelSchema } from "./model.ts"
export { model } from "./model-builder.ts"
export { linkableKey, plural, toCamelCase, toPascalCase, toSnakeCase } from "./names.ts"
export { columnTypes, Property, type PropertyValue } from "./property.ts"
export { Relationship, type RelationshipKind } from "./relationship.ts"
export { foreignKeyColumn, type ResolvedRelationship, resolveRelationships } from "./resolve-relationships.ts"
export { sqlLiteral } from "./sql-literal.ts"
export type { CheckSchema, ColumnSchema, ForeignKeySchema, IndexSchema, TableSchema } from "./table-schema.ts"
export { moduleTables } from "./table-schemas.ts"
