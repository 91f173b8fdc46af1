import { loadavg } from "node:os"
import type { ResultRow } from "../measure/cases.ts"
import { formatTable } from "../report/format-table.ts"
import { describeMachine } from "../report/machine.ts"
import { type RunInfo, resultsFile, writeResults } from "../report/write-results.ts"
import { readMedusaOptions } from "./args.ts"
import { migratedTemplate } from "./databases.ts"
import { ensureMedusa, MEDUSA_VERSION } from "./install.ts"
import { medusaScenario } from "./scenario.ts"

/**
 * `npm run bench:medusa`: modlink's bench operations side by side with a pinned Medusa, same data
 * on the same server, answers checked equal before anything is timed. Prints Markdown tables and
 * stores the rows in bench/results/<start>-medusa.json. Optional: never part of `npm test` or CI.
 */
export async function main(argv: string[]): Promise<number> {
  const options = readMedusaOptions(argv)
  await ensureMedusa(options.dir)
  const started = new Date()
  // The load average beside the figures: on a shared machine it says how far to trust them.
  const machine = { ...(await describeMachine()), medusa: MEDUSA_VERSION, loadAverageAtStart: loadavg() }
  const run: RunInfo = {
    command: `npm run bench:medusa -- ${argv.join(" ")}`.trim(),
    machine,
    started,
    finished: false,
  }
  const file = resultsFile(started).replace(/\.json$/, "-medusa.json")
  const rows: ResultRow[] = []
  const template = await migratedTemplate(options.dir)
  try {
    for (const [index, size] of options.sizes.entries()) {
      const sizeRows = await medusaScenario({
        dir: options.dir,
        templateName: template.name,
        size,
        only: options.only,
        withSync: index === 0,
        onRows: (more) => {
          rows.push(...more)
          writeResults(file, run, rows)
        },
      })
      console.log(`\n### N = ${size.toLocaleString("en-US")} products, modlink vs Medusa ${MEDUSA_VERSION}\n`)
      console.log(formatTable(sizeRows))
    }
  } finally {
    await template.drop()
  }
  const atEnd = { ...machine, loadAverageAtEnd: loadavg() }
  writeResults(file, { ...run, machine: atEnd, finished: true }, rows)
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1)
  console.log(`\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`)
  console.log(`${machine.postgres}; Medusa ${MEDUSA_VERSION}`)
  console.log(`Finished in ${minutes} min; results in ${file}`)
  return rows.some((row) => row.error) ? 1 : 0
}
