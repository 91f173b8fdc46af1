import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { buildIfStale } from "../../scripts/build.js"
import { packCheckout } from "../../scripts/pack.js"
import { createApp } from "../../src/app/index.ts"
import { attempt, type Where } from "../measure/attempt.ts"
import type { ResultRow } from "../measure/cases.ts"
import { summarize } from "../measure/stats.ts"
import { syncInProcess, syncThroughCli } from "../ops/sync-links.ts"
import { createBenchDatabase } from "../setup/databases.ts"
import { SYNC_LINKS, writeSyncProject } from "../setup/sync-project.ts"

const run = promisify(execFile)
const BIN = fileURLToPath(new URL("../../bin/modlink.js", import.meta.url))
/** Fresh processes are cheap to start but noisy on a shared machine: 10 runs each side. */
const START_RUNS = 10
const SYNC_CLI_RUNS = 5
const INSTALL_RUNS = 3

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** Times two sides interleaved, so a busy moment of the machine hits both alike. */
async function sideBySide(
  operation: string,
  where: Where,
  runs: number,
  modlink: () => Promise<unknown>,
  baseline: { label: string; run: () => Promise<unknown> },
): Promise<ResultRow> {
  await modlink()
  await baseline.run()
  const ours: number[] = []
  const theirs: number[] = []
  for (let i = 0; i < runs; i++) {
    ours.push(await timed(modlink))
    theirs.push(await timed(baseline.run))
  }
  const mine = summarize(ours)
  const reference = summarize(theirs)
  return {
    ...where,
    operation,
    baseline: baseline.label,
    modlink: mine,
    reference,
    ratio: mine.median / reference.median,
  }
}

/** `modlink --help` in a fresh process, against Node starting and doing nothing. */
function helpRow(where: Where): Promise<ResultRow> {
  return sideBySide(
    "modlink --help (built CLI, fresh process)",
    where,
    START_RUNS,
    () => run(process.execPath, [BIN, "--help"]),
    { label: "node -e '' (Node's own start)", run: () => run(process.execPath, ["-e", ""]) },
  )
}

/** A no-op `db:sync-links` over 50 synced links, the whole command against the same work in process. */
async function noopSyncRow(where: Where): Promise<ResultRow> {
  const database = await createBenchDatabase("postgres", "cli")
  const project = writeSyncProject()
  const app = await createApp({ cwd: project.dir, databaseUrl: database.url })
  try {
    await syncInProcess(app)
    return await sideBySide(
      `db:sync-links no-op, ${SYNC_LINKS} links, CLI end to end (server)`,
      where,
      SYNC_CLI_RUNS,
      syncThroughCli(project.dir, database.url),
      { label: "the same no-op sync in process", run: () => syncInProcess(app) },
    )
  } finally {
    await app.close()
    project.remove()
    await database.drop()
  }
}

/** The packed tarball's size and files, and `npm install` of it into an empty folder. */
async function installRow(where: Where): Promise<ResultRow> {
  const work = mkdtempSync(join(tmpdir(), "modlink-bench-pack-"))
  try {
    const packed = packCheckout(work)
    const samples: number[] = []
    for (let i = 0; i < INSTALL_RUNS; i++) {
      const app = join(work, `app-${i}`)
      mkdirSync(app)
      writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }))
      samples.push(
        await timed(() =>
          run("npm", ["install", packed.tarball, "--no-audit", "--no-fund", "--prefer-offline"], {
            cwd: app,
          }),
        ),
      )
    }
    const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`
    return {
      ...where,
      operation: `npm install of the tarball into an empty folder, npm cache warm (packed ${kib(packed.size)}, ${packed.files.length} files, ${kib(packed.unpackedSize)} unpacked)`,
      modlink: summarize(samples),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * Issue 13: the package as users meet it. The CLI's start and a no-op sync through the built
 * `bin/modlink.js` (rebuilt first if a source is newer), and the tarball `npm pack` makes.
 */
export async function packageScenario(): Promise<ResultRow[]> {
  if (await buildIfStale()) process.stderr.write("  package: dist/ was stale and has been rebuilt\n")
  const where: Where = { size: 0, backend: "postgres" }
  return [
    ...(await attempt("modlink --help", where, async () => [await helpRow(where)])),
    ...(await attempt("db:sync-links no-op (CLI)", where, async () => [await noopSyncRow(where)])),
    ...(await attempt("npm pack and install", where, async () => [await installRow(where)])),
  ]
}
