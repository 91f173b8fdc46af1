#!/usr/bin/env node
// Builds the package (`npm run build`, run by `npm ci` and `npm pack` through `prepare`):
// 1. src/ compiled by tsc into dist/: ESM JavaScript, declarations, source maps;
// 2. the files the built code reads at run time copied beside it: the shims that hand project
//    files the running framework, the product module's SQL migrations, the init template;
// 3. the studio's browser bundle (esbuild) into dist/studio/.
import { execFileSync } from "node:child_process"
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { buildStudio } from "../bin/build-studio.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const ASSETS = [
  "app/framework/modlink.cjs",
  "app/framework/product.cjs",
  "modules/product/migrations",
  "cli/scaffold/template",
]

/**
 * Builds into a folder of its own, then swaps it in: a project that depends on this checkout runs
 * `prepare` when it installs, possibly while another process runs the built CLI or builds too, and
 * neither may ever see a half-written dist/.
 */
export async function buildPackage() {
  const staging = `${root}dist.build-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
  execFileSync(process.execPath, [tsc, "-p", `${root}tsconfig.build.json`, "--outDir", staging], {
    stdio: "inherit",
  })
  for (const asset of ASSETS) cpSync(`${root}src/${asset}`, `${staging}/${asset}`, { recursive: true })
  await buildStudio(`${staging}/studio`)
  // The embedded database's initial folder, packed: a machine's first command unpacks it instead
  // of running initdb (seconds and most of a gigabyte).
  const { writeShippedTemplate } = await import(`${staging}/db/pglite-template.js`)
  await writeShippedTemplate(staging)
  const retired = `${root}dist.old-${process.pid}`
  if (existsSync(`${root}dist`)) renameSync(`${root}dist`, retired)
  renameSync(staging, `${root}dist`)
  rmSync(retired, { recursive: true, force: true })
}

function newest(dir) {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  )
}

function builtAt() {
  try {
    return statSync(`${root}dist/cli/main.js`).mtimeMs
  } catch {
    return 0
  }
}

/** Builds when dist/ is missing or older than a source file; true when it built. */
export async function buildIfStale() {
  if (builtAt() >= newest(`${root}src`)) return false
  await buildPackage()
  return true
}

// `--if-stale` (what `prepare` runs): a checkout whose build is current is left as it is.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--if-stale")) await buildIfStale()
  else await buildPackage()
}
