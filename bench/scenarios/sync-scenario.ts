import { createApp } from "../../src/app/index.ts"
import { attempt, type Where } from "../measure/attempt.ts"
import type { ResultRow } from "../measure/cases.ts"
import { runRead } from "../measure/run-read.ts"
import { runWrite } from "../measure/run-write.ts"
import { firstSync, firstSyncDdl, noopSync } from "../ops/sync-links.ts"
import { SYNC_RUNS } from "../settings.ts"
import { type BackendKind, createBenchDatabase } from "../setup/databases.ts"
import { SYNC_LINKS, writeSyncProject } from "../setup/sync-project.ts"

/**
 * Item 8 of issue 7: the first sync creating 50 link tables and a no-op sync, in process (the
 * functions the command calls) and, on the server, through `node bin/modlink.js db:sync-links
 * --execute-all` (a PGlite folder cannot be opened by a second process while this one holds it).
 */
export async function syncScenario(kind: BackendKind): Promise<ResultRow[]> {
  const where: Where = { size: SYNC_LINKS, backend: kind }
  const database = await createBenchDatabase(kind, "sync")
  const project = writeSyncProject()
  const app = await createApp({ cwd: project.dir, databaseUrl: database.url })
  const rows: ResultRow[] = []
  try {
    const ddl = await firstSyncDdl(app)
    const clis = kind === "postgres" ? [undefined, { cwd: project.dir, url: database.url }] : [undefined]
    for (const cli of clis) {
      const runs = cli ? SYNC_RUNS.cli : SYNC_RUNS.inProcess
      const first = firstSync(app, ddl, cli)
      rows.push(...(await attempt(first.name, where, async () => [await runWrite(first, runs, where)])))
      // The last timed run was the baseline's, which leaves no registry: sync once for real.
      await first.reset()
      await firstSync(app, ddl).modlink()
      const noop = noopSync(app, cli)
      rows.push(...(await attempt(noop.name, where, () => runRead(noop, { warmups: 1, runs }, where))))
    }
  } finally {
    await app.close()
    project.remove()
    await database.drop()
  }
  return rows
}
