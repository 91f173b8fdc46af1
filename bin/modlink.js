#!/usr/bin/env node
// The CLI is TypeScript run without a build step; jiti compiles it on first use and caches it.
import { createJiti } from "jiti"

const jiti = createJiti(import.meta.url, { fsCache: true, moduleCache: true })
const { main } = await jiti.import("../src/cli/main.ts")
process.exitCode = await main(process.argv)
