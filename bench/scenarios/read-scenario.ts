import type { App } from "../../src/app/index.ts"
import { startStudio } from "../../src/studio/server/start-studio.ts"
import { createPushedApp } from "../../test/support/push-schema.ts"
import type { Group } from "../args.ts"
import { attempt, type Where } from "../measure/attempt.ts"
import type { ReadCase, ResultRow } from "../measure/cases.ts"
import { runRead } from "../measure/run-read.ts"
import { runWrite } from "../measure/run-write.ts"
import { fullListing } from "../memory/listings.ts"
import { measurePeakMemory } from "../memory/peak-memory.ts"
import { crossDatabaseListing, crossDatabaseSorted } from "../ops/cross-database.ts"
import { keysetPage, offsetPage } from "../ops/deep-pages.ts"
import { filterThroughLink } from "../ops/filter-through-link.ts"
import { deleteCascade, dismissLinks } from "../ops/link-removals.ts"
import { oneToManyListing } from "../ops/one-to-many-listing.ts"
import { oneToOneListing, POST_TO_PRODUCT, PRODUCT_TO_POST } from "../ops/one-to-one-listing.ts"
import { bareGraphServer, studioFirstPage, studioPageInput } from "../ops/studio-page.ts"
import { readSettings, writeRuns } from "../settings.ts"
import { writeBenchProject } from "../setup/bench-project.ts"
import { type BackendKind, type BenchDatabase, createBenchDatabase } from "../setup/databases.ts"
import { seedReadData } from "../setup/seed-read-data.ts"

const TAKE = 100

/** A loaded app on seeded databases, and how to take it all down again. */
interface Loaded {
  app: App
  url: string
  cwd: string
  close(): Promise<void>
}

/** The read dataset on one database, or with the blog module on a second one (`split`). */
async function loadDataset(kind: BackendKind, size: number, split: boolean): Promise<Loaded> {
  const label = split ? `split${size}` : `read${size}`
  const main = await createBenchDatabase(kind, label)
  const blog: BenchDatabase | undefined = split ? await createBenchDatabase(kind, `${label}blog`) : undefined
  const project = writeBenchProject(blog?.url)
  const app = await createPushedApp({ cwd: project.dir, databaseUrl: main.url })
  await seedReadData(app.db, app.databaseOf("blog"), size)
  return {
    app,
    url: main.url,
    cwd: project.dir,
    close: async () => {
      await app.close()
      project.remove()
      await main.drop()
      await blog?.drop()
    },
  }
}

/** Times a read and, for full listings on the server, adds each side's peak memory to its row. */
async function measureRead(readCase: ReadCase, loaded: Loaded, where: Where, kind: BackendKind) {
  return attempt(readCase.name, where, async () => {
    const rows = await runRead(
      readCase,
      readSettings(where.size, !readCase.ordered || readCase.memory !== undefined),
      where,
    )
    if (readCase.memory && kind === "postgres") {
      const memory = await measurePeakMemory(loaded.cwd, loaded.url, readCase.memory.listing, rows.length)
      rows.forEach((row, i) => {
        row.memory = { modlink: memory.modlink, baseline: memory.baselines[i] }
      })
    }
    return rows
  })
}

/** Items 3–7 of issue 7 on the seeded dataset; dismiss and delete last, as they write to it. */
export async function readScenario(kind: BackendKind, size: number, only: Set<Group>): Promise<ResultRow[]> {
  const where: Where = { size, backend: kind }
  const rows: ResultRow[] = []
  const single = await loadDataset(kind, size, false)
  const { app } = single
  try {
    const cases: ReadCase[] = []
    if (only.has("listing")) {
      cases.push(
        oneToOneListing(app, app.db, PRODUCT_TO_POST, TAKE),
        fullListing("product-post", app),
        oneToOneListing(app, app.db, POST_TO_PRODUCT, TAKE),
        fullListing("post-product", app),
        oneToManyListing(app, app.db, TAKE),
        fullListing("product-notes", app),
      )
    }
    if (only.has("pages")) cases.push(offsetPage(app, app.db, size), keysetPage(app, app.db, size))
    if (only.has("stream")) cases.push(fullListing("streamed", app))
    if (only.has("filter")) cases.push(filterThroughLink(app, app.db))
    for (const readCase of cases) rows.push(...(await measureRead(readCase, single, where, kind)))
    if (only.has("studio")) {
      const studio = await startStudio({ app })
      const bare = await bareGraphServer(app, studioPageInput(TAKE))
      try {
        const page = studioFirstPage(app, app.db, studio, bare.url, TAKE)
        rows.push(...(await measureRead(page, single, where, kind)))
      } finally {
        await studio.close()
        bare.server.close()
      }
    }
    if (only.has("cross-db")) {
      const split = await loadDataset(kind, size, true)
      try {
        for (const take of [TAKE, undefined]) {
          rows.push(...(await measureRead(crossDatabaseListing(split.app, app, take), split, where, kind)))
        }
        for (const sorted of crossDatabaseSorted(split.app, app, TAKE)) {
          rows.push(...(await measureRead(sorted, split, where, kind)))
        }
      } finally {
        await split.close()
      }
    }
    const writes = [
      ...(only.has("dismiss") ? [dismissLinks(app, app.db, size)] : []),
      ...(only.has("delete") ? [deleteCascade(app, app.db, size)] : []),
    ]
    for (const write of writes) {
      rows.push(
        ...(await attempt(write.name, where, async () => [await runWrite(write, writeRuns(size), where)])),
      )
    }
  } finally {
    await single.close()
  }
  return rows
}
