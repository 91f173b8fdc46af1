import type { FieldType } from "../../dml/field-type.ts"

/**
 * The filter operators of module services. `$contains` is internal: a plain object given for a
 * json field means "the stored document contains this one" (jsonb `@>`).
 */
export const OPERATORS = [
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$like",
  "$ilike",
] as const
export type Operator = (typeof OPERATORS)[number] | "$contains"

const equality: readonly Operator[] = ["$eq", "$ne", "$in", "$nin"]
const ordered: readonly Operator[] = [...equality, "$gt", "$gte", "$lt", "$lte"]
const textual: readonly Operator[] = [...ordered, "$like", "$ilike"]

/** Which operators make sense per field type: no `$like` on numbers, no `$gt` on booleans or json. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  id: textual,
  text: textual,
  enum: textual,
  number: ordered,
  bigNumber: ordered,
  float: ordered,
  dateTime: ordered,
  boolean: equality,
  json: ["$eq", "$ne", "$contains"],
  array: ["$eq", "$ne"],
}

export function isOperator(key: string): key is (typeof OPERATORS)[number] {
  return (OPERATORS as readonly string[]).includes(key)
}
