#!/usr/bin/env node
// The bench is TypeScript run without a build step, like the CLI (see bin/modlink.js).
import { createJiti } from "jiti"

const jiti = createJiti(import.meta.url, { fsCache: true, moduleCache: true })
const { main } = await jiti.import("../bench/main.ts")
process.exitCode = await main(process.argv.slice(2))
