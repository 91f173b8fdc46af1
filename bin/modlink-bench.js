#!/usr/bin/env node
// The bench is TypeScript run from its sources through jiti, like the tests' CLI (bin/modlink-dev.js);
// it times the built CLI (bin/modlink.js) where it measures the command as users run it.
import { createJiti } from "jiti"

const jiti = createJiti(import.meta.url, { fsCache: true, moduleCache: true })
const { main } = await jiti.import("../bench/main.ts")
process.exitCode = await main(process.argv.slice(2))
