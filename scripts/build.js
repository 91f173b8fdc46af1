#!/usr/bin/env node
// Builds the package: src/ compiled by tsc into dist/ (ESM JavaScript, declarations, source maps),
// then the files the built code reads at run time copied beside it: the `modlink` shims that hand
// project files the running framework, the product module's SQL migrations and the init template.
// The studio's browser bundle is built separately (`npm run build:studio`, into dist/studio/).
import { execFileSync } from "node:child_process"
import { cpSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const ASSETS = [
  "app/framework/modlink.cjs",
  "app/framework/product.cjs",
  "modules/product/migrations",
  "cli/scaffold/template",
]

rmSync(`${root}dist`, { recursive: true, force: true })
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
execFileSync(process.execPath, [tsc, "-p", `${root}tsconfig.build.json`], { stdio: "inherit" })
for (const asset of ASSETS) cpSync(`${root}src/${asset}`, `${root}dist/${asset}`, { recursive: true })
