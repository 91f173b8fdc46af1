// Where an embedded command's time and memory go, phase by phase, in one process:
//   node bin/modlink-phases.js <project folder> [first|later]
// `first` empties the project's .modlink/ before starting (a fresh folder); `later` keeps it.
// Each phase runs on its own, one after the other (the CLI overlaps the database's start with
// loading the modules), so every figure belongs to one phase. Lines go to stdout as JSON: wall
// ms, CPU ms (all threads), the process's peak RSS so far, and the statements the phase sent.
// Results and how to read them: docs/performance.md, "Embedded start".
import { rmSync } from "node:fs"
import { join } from "node:path"
import { createApp } from "../../src/app/index.ts"
import { migrateModules } from "../../src/cli/sync/migrate-modules.ts"
import { syncLinks } from "../../src/cli/sync/sync-links.ts"
import { openDatabase } from "../../src/db/index.ts"

interface Phase {
  phase: string
  ms: number
  cpuMs: number
  peakMiB: number
  statements?: number
}

const phases: Phase[] = []
let lastWall = 0
let lastCpu = 0
let statements = 0

function mark(phase: string, counted = false): void {
  const wall = performance.now()
  const { user, system } = process.cpuUsage()
  const cpu = (user + system) / 1000
  phases.push({
    phase,
    ms: Math.round(wall - lastWall),
    cpuMs: Math.round(cpu - lastCpu),
    peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(counted ? { statements } : {}),
  })
  lastWall = wall
  lastCpu = cpu
  statements = 0
}

/**
 * Counts the statements modlink sends through its Database (transactions' included: they share the
 * class), and with TRACE_SQL=1 prints each one's wall and CPU time to stderr.
 */
function countStatements(db: object): void {
  const proto = Object.getPrototypeOf(db) as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const name of ["query", "exec"]) {
    const original = proto[name]!
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      statements++
      const started = performance.now()
      const cpu = process.cpuUsage()
      try {
        return await original.apply(this, args)
      } finally {
        if (process.env.TRACE_SQL) {
          const used = process.cpuUsage(cpu)
          const text =
            typeof args[0] === "string"
              ? args[0]
              : String((args[0] as { compile(): { text: string } }).compile().text)
          process.stderr.write(
            `  ${(performance.now() - started).toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)}) ${text.replace(/\s+/g, " ").slice(0, 110)}\n`,
          )
        }
      }
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cwd, mode = "later"] = argv
  if (!cwd) throw new Error("usage: modlink-phases <project folder> [first|later]")
  // performance.now() counts from the process's start: the first phase is node and the imports.
  mark("node start, jiti, framework imports")
  if (mode === "first") rmSync(join(cwd, ".modlink"), { recursive: true, force: true })
  const db = await openDatabase(undefined, { cwd })
  countStatements(db)
  mark(mode === "first" ? "open embedded database (fresh folder: copy + start)" : "open embedded database")
  await db.close()
  mark("close embedded database (no work done)")
  const app = await createApp({ cwd })
  mark("createApp (config, modules, links, open again)", true)
  const log = console.log
  console.log = () => {}
  try {
    await migrateModules(app, { dryRun: false })
    mark("db:migrate: module migrations", true)
    await syncLinks(app, { mode: "ask", dryRun: false, interactive: false })
    mark("db:migrate: link sync", true)
    await app.query.graph({ entity: "product", fields: ["title"] })
    mark("query product", true)
  } finally {
    console.log = log
  }
  await app.close()
  mark("close after work", true)
  for (const phase of phases) console.log(JSON.stringify(phase))
  return 0
}
