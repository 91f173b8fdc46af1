import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

// The bench runs as plain `node` (npm script), without --expose-gc; the flag can still be set at
// run time and `gc` fetched from a fresh context.
setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void

/**
 * A full collection between timed runs, so a run does not pay for the garbage of the previous
 * one (a 100k listing leaves hundreds of MiB behind) and the two sides are charged fairly.
 */
export function collectGarbage(): void {
  gc()
}
