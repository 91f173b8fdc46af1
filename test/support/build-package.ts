import { buildIfStale } from "../../scripts/build.js"

/**
 * Vitest global setup: the suite runs on the sources, but a project made by `modlink init` from
 * this checkout runs the checkout's `bin/modlink.js`, which is the built code, and the studio
 * serves the bundle built into dist/studio. Rebuilt here when missing (`npm ci --ignore-scripts`)
 * or older than a source file, so that no test runs a stale build.
 */
export default async function setup(): Promise<void> {
  await buildIfStale()
}
