import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { ResultRow } from "../measure/cases.ts"
import { summarize } from "../measure/stats.ts"
import { createBenchDatabase } from "../setup/databases.ts"

const BIN = fileURLToPath(new URL("../../bin/modlink.js", import.meta.url))
const PEAK_RSS = fileURLToPath(new URL("../start/peak-rss.mjs", import.meta.url))
const RUNS = 3

interface Sample {
  ms: number
  peakMiB: number
  /** CPU time of the command (all threads): what its wall time would be on an idle machine, about. */
  cpuMs: number
  /** Spawn to the first byte of output: how long the user waits in silence. */
  firstOutputMs: number
}

/** `node bin/modlink.js …` as a user runs it, timed from spawn to exit, with its peak RSS. */
function measure(args: string[], cwd: string, databaseUrl?: string): Promise<Sample> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" }
  delete env.DATABASE_URL
  if (databaseUrl) env.DATABASE_URL = databaseUrl
  const started = performance.now()
  const child = spawn(process.execPath, ["--import", PEAK_RSS, BIN, ...args], { cwd, env })
  let output = ""
  let firstOutputMs = Number.NaN
  const collect = (chunk: Buffer) => {
    if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started
    output += chunk
  }
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      const ms = performance.now() - started
      const usage = /modlink-bench-peak-rss-kib (\d+) cpu-ms (\d+)/.exec(output)
      if (code !== 0 || !usage) reject(new Error(`modlink ${args.join(" ")} exited ${code}:\n${output}`))
      else resolve({ ms, peakMiB: Number(usage[1]) / 1024, cpuMs: Number(usage[2]), firstOutputMs })
    })
  })
}

function row(operation: string, embedded: Sample[], server: Sample[]): ResultRow {
  const peak = (samples: Sample[]) => Math.max(...samples.map((s) => s.peakMiB)).toFixed(0)
  const median = (samples: Sample[], of: (s: Sample) => number) =>
    (summarize(samples.map(of)).median / 1000).toFixed(2)
  const modlink = summarize(embedded.map((s) => s.ms))
  const reference = summarize(server.map((s) => s.ms))
  const facts = (samples: Sample[]) =>
    `peak RSS ${peak(samples)} MiB, CPU ${median(samples, (s) => s.cpuMs)} s, first output ${median(samples, (s) => s.firstOutputMs)} s`
  return {
    size: 0,
    backend: "pglite",
    operation: `${operation} (${facts(embedded)}; server: ${facts(server)}; load ${loadavg()[0].toFixed(1)})`,
    baseline: "the same command on the PostgreSQL server",
    modlink,
    reference,
    ratio: modlink.median / reference.median,
  }
}

/**
 * Issue 14's light start: the first command on a fresh embedded folder (`db:migrate`, which copies
 * the cached template; the template itself is made once per machine and not timed) and a later
 * command (`query product`), against the same commands on the server.
 */
export async function startScenario(): Promise<ResultRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "modlink-bench-start-"))
  writeFileSync(
    join(dir, "modlink.config.ts"),
    'import { defineConfig } from "modlink"\nexport default defineConfig({ modules: ["modlink/product"] })\n',
  )
  const server = await createBenchDatabase("postgres", "start")
  const query = ["query", "product", "--fields", "title"]
  const first: Sample[] = []
  const later: Sample[] = []
  const serverFirst: Sample[] = []
  const serverLater: Sample[] = []
  try {
    // Warm-up: compiles the CLI once (jiti's cache) and makes the template if this machine has none.
    await measure(["db:migrate"], dir)
    for (let run = 0; run < RUNS; run++) {
      rmSync(join(dir, ".modlink"), { recursive: true, force: true })
      process.stderr.write(`  start: run ${run + 1} of ${RUNS}…\n`)
      first.push(await measure(["db:migrate"], dir))
      later.push(await measure(query, dir))
      serverFirst.push(await measure(["db:migrate"], dir, server.url))
      serverLater.push(await measure(query, dir, server.url))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await server.drop()
  }
  return [
    row("first db:migrate on a fresh embedded folder", first, serverFirst),
    row("a later command (query product)", later, serverLater),
  ]
}
