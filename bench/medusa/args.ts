import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { MEDUSA_VERSION } from "./install.ts"

/** Operation groups `--only` selects, in the order they run on each size. */
export const MEDUSA_GROUPS = [
  "listing",
  "filter",
  "dismiss",
  "delete",
  "link-create",
  "create",
  "sync",
] as const
export type MedusaGroup = (typeof MEDUSA_GROUPS)[number]

export interface MedusaBenchOptions {
  sizes: number[]
  only: Set<MedusaGroup>
  /** Where Medusa is installed and its project written: outside the repo, reused between runs. */
  dir: string
}

const DEFAULT_DIR = join(tmpdir(), `modlink-medusa-${MEDUSA_VERSION}`)

const USAGE = `npm run bench:medusa -- [--sizes 1000,10000] [--only ${MEDUSA_GROUPS.join(",")}]
                           [--dir ${DEFAULT_DIR}]`

function list(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
}

export function readMedusaOptions(argv: string[]): MedusaBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "1000,10000" },
      only: { type: "string", default: MEDUSA_GROUPS.join(",") },
      dir: { type: "string", default: DEFAULT_DIR },
      help: { type: "boolean", default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const sizes = list(values.sizes).map(Number)
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error(`--sizes: integers ≥ 100\n${USAGE}`)
  const only = list(values.only)
  for (const g of only)
    if (!MEDUSA_GROUPS.includes(g as MedusaGroup)) throw new Error(`--only: unknown "${g}"\n${USAGE}`)
  return { sizes, only: new Set(only as MedusaGroup[]), dir: values.dir }
}
