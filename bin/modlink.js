#!/usr/bin/env node
// The published CLI: the built code in dist/ (`npm run build`, run by `npm ci` through `prepare`).
// jiti is loaded only for the project's own files (config, modules, links, scripts).
import { main } from "../dist/cli/main.js"

process.exitCode = await main(process.argv)
