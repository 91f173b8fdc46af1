/**
 * The kinds of value a model field holds. Declared here, beside the property builders that set it;
 * the schema graph, the query compiler (operators and casts) and `db:pull` read it.
 */
export type FieldType =
  | "id"
  | "text"
  | "number"
  | "bigNumber"
  | "float"
  | "boolean"
  | "dateTime"
  | "json"
  | "enum"
  | "array"
