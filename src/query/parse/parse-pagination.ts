import { ModlinkError } from "../../errors/index.ts"
import { describeValue } from "./filter-value.ts"

/** `skip` and `take` are row counts: non-negative integers, or absent. */
export function parseCount(value: unknown, name: string, where: string): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `${where}.${name} must be a non-negative integer, got ${describeValue(value)}`,
      {
        hint: `for example { ${name}: 20 }`,
      },
    )
  }
  return value
}
