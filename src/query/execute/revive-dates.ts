import type { PlanNode } from "../plan/plan-node.ts"
import { childRecords } from "./child-records.ts"

type Row = Record<string, unknown>

/**
 * JSON has no date type: timestamps arrive as epoch milliseconds (see compile-object). Turn exactly the selected
 * dateTime fields back into Dates, walking the children compiled into the same statement (a child
 * fragment revives its own records). Walking known fields beats a JSON.parse reviver, which would
 * visit every value.
 */
export function reviveDates(node: PlanNode, records: readonly Row[]): void {
  const dates = node.fields.filter((field) => field.type === "dateTime").map((field) => field.name)
  if (dates.length > 0) {
    for (const record of records) {
      for (const name of dates) {
        const value = record[name]
        if (typeof value === "number" || typeof value === "string") record[name] = new Date(value)
      }
    }
  }
  for (const edge of node.edges) {
    if (edge.strategy !== "batched-any") reviveDates(edge.node, childRecords(records, edge.edge.name))
  }
}
