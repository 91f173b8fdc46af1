#!/usr/bin/env node
// Phase timings of an embedded command (bench/start/phases.ts), run like the CLI.
import { createJiti } from "jiti"

const jiti = createJiti(import.meta.url, { fsCache: true, moduleCache: true })
const { main } = await jiti.import("../bench/start/phases.ts")
process.exitCode = await main(process.argv.slice(2))
