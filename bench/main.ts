import { type BenchOptions, type Group, readOptions } from "./args.ts"
import type { ResultRow } from "./measure/cases.ts"
import { type MemoryRequest, runMemoryChild } from "./memory/memory-child.ts"
import { formatTable } from "./report/format-table.ts"
import { describeMachine } from "./report/machine.ts"
import { type RunInfo, resultsFile, writeResults } from "./report/write-results.ts"
import { packageScenario } from "./scenarios/package-scenario.ts"
import { readScenario } from "./scenarios/read-scenario.ts"
import { startScenario } from "./scenarios/start-scenario.ts"
import { syncScenario } from "./scenarios/sync-scenario.ts"
import { writeScenario } from "./scenarios/write-scenario.ts"
import type { BackendKind } from "./setup/databases.ts"

const READ_GROUPS: Group[] = [
  "listing",
  "pages",
  "stream",
  "filter",
  "cross-db",
  "dismiss",
  "delete",
  "studio",
]

function heading(backend: BackendKind, size: number | "sync"): string {
  return size === "sync"
    ? `\n### db:sync-links (${backend})\n`
    : `\n### N = ${size.toLocaleString("en-US")} products (${backend})\n`
}

/** Where the rows go as they come: printed per size, and the results file rewritten. */
interface Sink {
  rows: ResultRow[]
  add(title: string, rows: ResultRow[]): void
}

async function benchBackend(backend: BackendKind, options: BenchOptions, sink: Sink): Promise<void> {
  for (const size of options.sizes) {
    if (backend === "pglite" && size > options.pgliteMaxSize) {
      process.stderr.write(`pglite N=${size}: skipped (above --pglite-max-size ${options.pgliteMaxSize})\n`)
      continue
    }
    const rows: ResultRow[] = []
    if (options.only.has("create") || options.only.has("link-create") || options.only.has("transaction")) {
      rows.push(...(await writeScenario(backend, size, options.only)))
    }
    if (READ_GROUPS.some((g) => options.only.has(g)))
      rows.push(...(await readScenario(backend, size, options.only)))
    sink.add(heading(backend, size), rows)
  }
  if (options.only.has("sync")) sink.add(heading(backend, "sync"), await syncScenario(backend))
  if (options.only.has("start") && backend === "pglite") {
    sink.add("\n### Embedded start, through node bin/modlink.js\n", await startScenario())
  }
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
  const started = new Date()
  const machine = await describeMachine()
  const run: RunInfo = {
    command: `npm run bench -- ${argv.join(" ")}`.trim(),
    machine,
    started,
    finished: false,
  }
  const file = resultsFile(started)
  const sink: Sink = {
    rows: [],
    add(title, rows) {
      console.log(title)
      console.log(formatTable(rows))
      this.rows.push(...rows)
      writeResults(file, run, this.rows)
    },
  }
  for (const backend of options.backends) await benchBackend(backend, options, sink)
  if (options.only.has("package")) {
    sink.add(
      "\n### The package: CLI start, no-op sync end to end, tarball (server)\n",
      await packageScenario(),
    )
  }
  writeResults(file, { ...run, finished: true }, sink.rows)
  const rows = sink.rows
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1)
  console.log(`\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`)
  console.log(`${machine.postgres}; PGlite ${machine.pglite}`)
  console.log(`Finished in ${minutes} min; results in ${file}`)
  return rows.some((row) => row.error) ? 1 : 0
}
