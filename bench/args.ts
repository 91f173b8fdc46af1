import { parseArgs } from "node:util"
import type { BackendKind } from "./setup/databases.ts"

/** Operation groups `--only` selects, in the order they run (issue 7 items 1–8). */
export const GROUPS = [
  "create",
  "link-create",
  "transaction",
  "listing",
  "pages",
  "stream",
  "filter",
  "cross-db",
  "dismiss",
  "delete",
  "sync",
  "studio",
  "start",
  "package",
] as const
export type Group = (typeof GROUPS)[number]

export interface BenchOptions {
  sizes: number[]
  backends: BackendKind[]
  only: Set<Group>
  /** PGlite runs sizes up to this one; larger sizes are left to the server (see docs/performance.md). */
  pgliteMaxSize: number
}

const USAGE = `npm run bench -- [--sizes 1000,10000,100000] [--backends postgres,pglite]
                    [--only ${GROUPS.join(",")}] [--pglite-max-size 1000]`

function list(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
}

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      backends: { type: "string", default: "postgres,pglite" },
      only: { type: "string", default: GROUPS.join(",") },
      "pglite-max-size": { type: "string", default: "1000" },
      help: { type: "boolean", default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const sizes = list(values.sizes).map(Number)
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes: integers ≥ 100\n${USAGE}`)
  const backends = list(values.backends)
  for (const b of backends)
    if (b !== "postgres" && b !== "pglite") throw new Error(`--backends: unknown "${b}"\n${USAGE}`)
  const only = list(values.only)
  for (const g of only) if (!GROUPS.includes(g as Group)) throw new Error(`--only: unknown "${g}"\n${USAGE}`)
  return {
    sizes,
    backends: backends as BackendKind[],
    only: new Set(only as Group[]),
    pgliteMaxSize: Number(values["pglite-max-size"]),
  }
}
