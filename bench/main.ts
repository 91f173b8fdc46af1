import { type BenchOptions, type Group, readOptions } from "./args.ts"
import type { ResultRow } from "./measure/cases.ts"
import { type MemoryRequest, runMemoryChild } from "./memory/memory-child.ts"
import { formatTable } from "./report/format-table.ts"
import { describeMachine } from "./report/machine.ts"
import { writeResults } from "./report/write-results.ts"
import { readScenario } from "./scenarios/read-scenario.ts"
import { syncScenario } from "./scenarios/sync-scenario.ts"
import { writeScenario } from "./scenarios/write-scenario.ts"
import type { BackendKind } from "./setup/databases.ts"

const READ_GROUPS: Group[] = ["listing", "filter", "cross-db", "dismiss", "delete"]

function heading(backend: BackendKind, size: number | "sync"): string {
  return size === "sync"
    ? `\n### db:sync-links (${backend})\n`
    : `\n### N = ${size.toLocaleString("en-US")} products (${backend})\n`
}

async function benchBackend(backend: BackendKind, options: BenchOptions): Promise<ResultRow[]> {
  const all: ResultRow[] = []
  for (const size of options.sizes) {
    if (backend === "pglite" && size > options.pgliteMaxSize) {
      process.stderr.write(`pglite N=${size}: skipped (above --pglite-max-size ${options.pgliteMaxSize})\n`)
      continue
    }
    const rows: ResultRow[] = []
    if (options.only.has("create") || options.only.has("link-create")) {
      rows.push(...(await writeScenario(backend, size, options.only)))
    }
    if (READ_GROUPS.some((g) => options.only.has(g)))
      rows.push(...(await readScenario(backend, size, options.only)))
    console.log(heading(backend, size))
    console.log(formatTable(rows))
    all.push(...rows)
  }
  if (options.only.has("sync")) {
    const rows = await syncScenario(backend)
    console.log(heading(backend, "sync"))
    console.log(formatTable(rows))
    all.push(...rows)
  }
  return all
}

/**
 * `npm run bench`: every operation of issue 7 against hand-written SQL, per backend and size,
 * printed as Markdown tables and stored in bench/results/. With `--memory-child` the process is
 * one side of a peak-memory measurement instead (see memory/).
 */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === "--memory-child") {
    await runMemoryChild(JSON.parse(argv[1]) as MemoryRequest)
    return 0
  }
  const options = readOptions(argv)
  const started = performance.now()
  const machine = await describeMachine()
  const rows: ResultRow[] = []
  for (const backend of options.backends) rows.push(...(await benchBackend(backend, options)))
  const command = `npm run bench -- ${argv.join(" ")}`.trim()
  const file = writeResults(command, machine, rows)
  const minutes = ((performance.now() - started) / 60_000).toFixed(1)
  console.log(`\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`)
  console.log(`${machine.postgres}; PGlite ${machine.pglite}`)
  console.log(`Finished in ${minutes} min; results in ${file}`)
  return rows.some((row) => row.error) ? 1 : 0
}
