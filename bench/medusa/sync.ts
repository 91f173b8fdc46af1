import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import type { Database } from "../../src/db/index.ts"
import type { ResultRow } from "../measure/cases.ts"
import { summarize } from "../measure/stats.ts"
import { SYNC_RUNS } from "../settings.ts"
import { runMedusaCli } from "./databases.ts"
import { MEDUSA_LABEL } from "./measure.ts"

const run = promisify(execFile)
const MODLINK_CLI = fileURLToPath(new URL("../../bin/modlink.js", import.meta.url))

export interface SyncSide {
  /** Runs the CLI once; resolves to what it printed. */
  command: () => Promise<string>
  db: Database
}

export function modlinkSync(cwd: string, url: string, db: Database): SyncSide {
  return {
    command: async () => {
      const { stdout, stderr } = await run(process.execPath, [
        MODLINK_CLI,
        "--cwd",
        cwd,
        "--database-url",
        url,
        "db:sync-links",
        "--execute-all",
      ])
      return `${stdout}${stderr}`
    },
    db,
  }
}

export function medusaSync(dir: string, url: string, db: Database): SyncSide {
  return { command: () => runMedusaCli(dir, ["db:sync-links", "--execute-all"], url), db }
}

/** Every table and index of the database: a no-op sync leaves it as it was. */
async function schemaDigest(db: Database): Promise<string> {
  const { rows } = await db.query<{ digest: string }>(
    `select md5(string_agg(tablename || ' ' || indexname || ' ' || indexdef, ',' order by tablename, indexname)) as digest
     from pg_indexes where schemaname = 'public'`,
  )
  return rows[0].digest
}

async function timedNoop(side: SyncSide, label: string): Promise<number> {
  const before = await schemaDigest(side.db)
  const start = performance.now()
  const output = await side.command()
  const ms = performance.now() - start
  if ((await schemaDigest(side.db)) !== before) {
    throw new Error(
      `${label}'s db:sync-links changed the schema of a synced database:\n${output.slice(-500)}`,
    )
  }
  return ms
}

/**
 * `db:sync-links` on databases that are already in sync, through each CLI in a fresh process
 * (start-up, config and link loading included; Medusa boots its whole module set). The first run
 * of each is the check (the schema must not change) and a warm-up; then the runs alternate.
 */
export async function noopSyncPair(modlink: SyncSide, medusa: SyncSide, size: number): Promise<ResultRow> {
  await timedNoop(modlink, "modlink")
  await timedNoop(medusa, "Medusa")
  const ours: number[] = []
  const theirs: number[] = []
  for (let i = 0; i < SYNC_RUNS.cli; i++) {
    ours.push(await timedNoop(modlink, "modlink"))
    theirs.push(await timedNoop(medusa, "Medusa"))
  }
  const a = summarize(ours)
  const b = summarize(theirs)
  return {
    size,
    backend: "postgres",
    operation: "db:sync-links no-op, the 2 links of the bench project (CLI)",
    baseline: MEDUSA_LABEL,
    modlink: a,
    reference: b,
    ratio: a.median / b.median,
  }
}
