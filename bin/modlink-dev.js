#!/usr/bin/env node
// The CLI run from its TypeScript sources, with no build: what the test suite and the bench start,
// so they always run the code in src/. jiti compiles on first use and caches the result.
import { createJiti } from "jiti"

const jiti = createJiti(import.meta.url, { fsCache: true, moduleCache: true })
const { main } = await jiti.import("../src/cli/main.ts")
process.exitCode = await main(process.argv)
