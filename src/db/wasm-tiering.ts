import { setFlagsFromString } from "node:v8"

/**
 * V8's tiering budget for WebAssembly, raised 100 times (V8's default is 1,800,000).
 *
 * V8 runs PGlite's 9 MB of WebAssembly first with its baseline compiler and recompiles functions
 * that have run for a while with its optimising compiler, on background threads. With the default
 * budget PostgreSQL's start-up and a migration's DDL already trigger it: a command that opens the
 * embedded database spent about a third of its CPU time and ~45 MB of memory optimising code it
 * would run a few times before exiting. The raised budget leaves start-up on baseline code; a
 * long-running process (studio, a server on PGlite) still optimises what it keeps running, a
 * little later. Figures in docs/performance.md ("Embedded start").
 */
const TIERING_BUDGET = 180_000_000

let settled = false

/**
 * Raises the budget once per process, before the first PGlite compiles its module. A process
 * started with WebAssembly flags of its own (`node --wasm-…`, `--liftoff…`; node refuses them in
 * NODE_OPTIONS) is left as its owner set it.
 */
export function delayWasmTierUp(): void {
  if (settled) return
  settled = true
  if (process.execArgv.some((flag) => /^--(no-)?(wasm|liftoff|turbofan)/.test(flag))) return
  setFlagsFromString(`--wasm-tiering-budget=${TIERING_BUDGET}`)
}
