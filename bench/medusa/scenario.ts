import { openPostgres } from "../../src/db/index.ts"
import { createPushedApp } from "../../test/support/push-schema.ts"
import { attempt, type Where } from "../measure/attempt.ts"
import type { ResultRow } from "../measure/cases.ts"
import { undelete } from "../ops/link-removals.ts"
import { readSettings, writeRuns } from "../settings.ts"
import { writeBenchProject } from "../setup/bench-project.ts"
import { createBenchDatabase } from "../setup/databases.ts"
import { seedReadData } from "../setup/seed-read-data.ts"
import type { MedusaGroup } from "./args.ts"
import { createPair, linkCreatePairs, readPairs, removalPairs, type WritePair } from "./cases.ts"
import { cloneDatabase } from "./databases.ts"
import { runReadPair, runWritePair } from "./measure.ts"
import { medusaSync, modlinkSync, noopSyncPair } from "./sync.ts"
import { startWorker } from "./worker.ts"

export interface ScenarioInput {
  dir: string
  templateName: string
  size: number
  only: Set<MedusaGroup>
  /** The no-op sync does not depend on N: it runs with the first size only. */
  withSync: boolean
  /** Called with each row as it comes, so an interrupted run keeps what it measured. */
  onRows: (rows: ResultRow[]) => void
}

/**
 * One size: modlink's bench project and the Medusa project, each on its own database on the same
 * server, loaded with the same rows (bench/setup/seed-read-data.ts: same ids, titles, timestamps),
 * then every selected operation on both. Reads first; the writes reset what they touch; the product
 * creates, which empty the product table, last.
 */
export async function medusaScenario(input: ScenarioInput): Promise<ResultRow[]> {
  const { size, only } = input
  const where: Where = { size, backend: "postgres" }
  const medusaDatabase = await cloneDatabase(input.templateName, `n${size}`)
  const medusaDb = openPostgres(medusaDatabase.url)
  const modlinkDatabase = await createBenchDatabase("postgres", `vsmedusa${size}`)
  const project = writeBenchProject()
  const rows: ResultRow[] = []
  const add = (more: ResultRow[]) => {
    rows.push(...more)
    input.onRows(more)
  }
  try {
    const app = await createPushedApp({ cwd: project.dir, databaseUrl: modlinkDatabase.url })
    try {
      await seedReadData(app.db, app.databaseOf("blog"), size)
      await seedReadData(medusaDb, medusaDb, size)
      process.stderr.write(`  N=${size}: starting Medusa (medusa exec)…\n`)
      const worker = await startWorker(input.dir, medusaDatabase.url)
      try {
        const reads = readPairs(app, { listing: only.has("listing"), filter: only.has("filter") })
        for (const pair of reads) {
          const settings = readSettings(size, !pair.ordered)
          add(await attempt(pair.name, where, async () => [await runReadPair(pair, worker, settings, where)]))
        }
        const writes: WritePair[] = [
          ...removalPairs(app, medusaDb, size, { dismiss: only.has("dismiss"), delete: only.has("delete") }),
          ...(only.has("link-create") ? linkCreatePairs(app, medusaDb, size) : []),
          ...(only.has("create") ? [createPair(app, medusaDb, size)] : []),
        ]
        for (const pair of writes) {
          // link.delete leaves posts soft-deleted; link.create needs them live (modlink checks).
          if (pair.medusa.op === "linkCreate") for (const db of [app.db, medusaDb]) await undelete(db)
          add(
            await attempt(pair.name, where, async () => [
              await runWritePair(pair, worker, writeRuns(size), where),
            ]),
          )
        }
      } finally {
        await worker.close()
      }
      if (input.withSync && only.has("sync")) {
        const ours = modlinkSync(project.dir, modlinkDatabase.url, app.db)
        const theirs = medusaSync(input.dir, medusaDatabase.url, medusaDb)
        add(
          await attempt("db:sync-links no-op (CLI)", where, async () => [
            await noopSyncPair(ours, theirs, size),
          ]),
        )
      }
    } finally {
      await app.close()
    }
  } finally {
    project.remove()
    await medusaDb.close()
    await medusaDatabase.drop()
    await modlinkDatabase.drop()
  }
  return rows
}
