#!/usr/bin/env node
// The published CLI: the built code in dist/ (`npm run build`, run by `npm ci` and `npm pack`
// through `prepare`). jiti is loaded only for the project's own files (config, modules, links,
// scripts).
import module from "node:module"

// Node 22.1+ keeps V8's compiled code of these modules between runs; Node 20 has no such cache.
module.enableCompileCache?.()
const { main } = await import("../dist/cli/main.js")
process.exitCode = await main(process.argv)
