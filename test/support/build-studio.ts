import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { buildStudio, STUDIO_BUNDLE } from "../../bin/build-studio.js"

/** The bundle's sources: the client, and the graph data and labels it shares with `modlink graph`. */
const SOURCES = ["../../src/studio/client/", "../../src/cli/graph/"].map(
  (dir) => new URL(dir, import.meta.url).pathname,
)

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  )
}

function builtAt(): number {
  try {
    return statSync(join(STUDIO_BUNDLE, "app.js")).mtimeMs
  } catch {
    return 0
  }
}

/**
 * Vitest global setup: the studio's browser bundle, built once before any test file runs when it
 * is missing (a clean clone after `npm ci --ignore-scripts`) or older than its sources.
 */
export default async function setup(): Promise<void> {
  if (builtAt() < Math.max(...SOURCES.map(newest))) await buildStudio()
}
