import { colors } from "./colors.ts"

/** App warnings (a link field shadowed by another, …) go to stderr so JSON on stdout stays clean. */
export function printWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) console.error(`${colors.yellow("warning")} ${warning}`)
}
