#!/usr/bin/env node
// Builds the studio's browser bundle (plain TypeScript over the DOM, dagre for the layout) into
// dist/studio/: one script, one stylesheet, one page. Run by `npm run build:studio`, by
// `npm run build` (scripts/build.js, which `prepare` runs), and by the studio's tests when the
// bundle is missing; never fetched at run time.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const root = fileURLToPath(new URL("..", import.meta.url))
const client = `${root}src/studio/client`
export const STUDIO_BUNDLE = `${root}dist/studio`
const STYLES = ["base", "graph", "records", "query"]

export async function buildStudio(out = STUDIO_BUNDLE) {
  mkdirSync(out, { recursive: true })
  await build({
    entryPoints: [`${client}/main.ts`],
    outfile: `${out}/app.js`,
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  })
  copyFileSync(`${client}/index.html`, `${out}/index.html`)
  // One stylesheet, joined from one file per view, in cascade order.
  const css = STYLES.map((name) => readFileSync(`${client}/styles/${name}.css`, "utf8"))
  writeFileSync(`${out}/app.css`, css.join("\n"))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildStudio()
