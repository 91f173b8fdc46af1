import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { createPushedApp } from "../../test/support/push-schema.ts"
import type { MemoryReport } from "../memory/memory-child.ts"
import { writeBenchProject } from "../setup/bench-project.ts"
import { createBenchDatabase } from "../setup/databases.ts"
import { seedReadData } from "../setup/seed-read-data.ts"

const run = promisify(execFile)
const BENCH = fileURLToPath(new URL("../../bin/modlink-bench.js", import.meta.url))
const MiB = 1024 * 1024

/**
 * What the streamed listing's peak RSS growth is made of: each side in a fresh child, as the bench
 * measures it, at several N and with V8 flags given (`main(["20000,100000", "--max-semi-space-size=1"])`).
 */
export async function main(argv: string[]) {
  const sizes = (argv[0] ?? "20000").split(",").map(Number)
  const flagSets = argv.slice(1).length ? ["", ...argv.slice(1)] : [""]
  const project = writeBenchProject()
  try {
    for (const size of sizes) {
      const database = await createBenchDatabase("postgres", "profm")
      try {
        const app = await createPushedApp({ cwd: project.dir, databaseUrl: database.url })
        await seedReadData(app.db, app.db, size)
        await app.close()
        for (const flags of flagSets) {
          for (const side of [0, 1]) {
            const request = { cwd: project.dir, url: database.url, listing: "streamed", side }
            const args = [
              ...(flags ? flags.split(" ") : []),
              BENCH,
              "--memory-child",
              JSON.stringify(request),
            ]
            const { stdout } = await run(process.execPath, args, { maxBuffer: MiB })
            const r = JSON.parse(stdout) as MemoryReport
            console.log(
              `N=${size} ${flags || "(default flags)"} ${side ? "SQL cursor" : "query.stream"}: before ${(r.before / MiB).toFixed(0)} MiB, peak ${(r.peak / MiB).toFixed(0)} MiB, growth ${((r.peak - r.before) / MiB).toFixed(1)} MiB, young generation ${(r.young / MiB).toFixed(0)} MiB`,
            )
          }
        }
      } finally {
        await database.drop()
      }
    }
  } finally {
    project.remove()
  }
  return 0
}
