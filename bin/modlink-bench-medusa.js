#!/usr/bin/env node
// The side-by-side bench against Medusa (bench/medusa/): TypeScript run without a build step.
import { createJiti } from "jiti"

const jiti = createJiti(import.meta.url, { fsCache: true, moduleCache: true })
const { main } = await jiti.import("../bench/medusa/main.ts")
process.exitCode = await main(process.argv.slice(2))
