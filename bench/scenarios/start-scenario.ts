import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
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
}

/** `node bin/modlink.js …` as a user runs it, timed from spawn to exit, with its peak RSS. */
function measure(args: string[], cwd: string, databaseUrl?: string): Promise<Sample> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" }
  delete env.DATABASE_URL
  if (databaseUrl) env.DATABASE_URL = databaseUrl
  const started = performance.now()
  const child = spawn(process.execPath, ["--import", PEAK_RSS, BIN, ...args], { cwd, env })
  let output = ""
  child.stdout.on("data", (chunk) => {
    output += chunk
  })
  child.stderr.on("data", (chunk) => {
    output += chunk
  })
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      const ms = performance.now() - started
      const kib = /modlink-bench-peak-rss-kib (\d+)/.exec(output)
      if (code !== 0 || !kib) reject(new Error(`modlink ${args.join(" ")} exited ${code}:\n${output}`))
      else resolve({ ms, peakMiB: Number(kib[1]) / 1024 })
    })
  })
}

function row(operation: string, embedded: Sample[], server: Sample[]): ResultRow {
  const peak = (samples: Sample[]) => Math.max(...samples.map((s) => s.peakMiB)).toFixed(0)
  const modlink = summarize(embedded.map((s) => s.ms))
  const reference = summarize(server.map((s) => s.ms))
  return {
    size: 0,
    backend: "pglite",
    operation: `${operation} (peak RSS ${peak(embedded)} MiB; server ${peak(server)} MiB)`,
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
