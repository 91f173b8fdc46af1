import { createPushedApp } from "../../test/support/push-schema.ts"
import type { Group } from "../args.ts"
import { attempt, type Where } from "../measure/attempt.ts"
import type { ResultRow } from "../measure/cases.ts"
import { runWrite } from "../measure/run-write.ts"
import { checkedLinkCreates, createLinks, pairsOf } from "../ops/link-creates.ts"
import { createPosts, createProducts } from "../ops/service-creates.ts"
import { createAndLink } from "../ops/transaction-writes.ts"
import { writeRuns } from "../settings.ts"
import { writeBenchProject } from "../setup/bench-project.ts"
import { type BackendKind, createBenchDatabase } from "../setup/databases.ts"

/**
 * Items 1 and 2 of issue 7, on an empty database of their own: creates, then link.create; then
 * issue 17's create-and-link of 100 records in one transaction.
 */
export async function writeScenario(kind: BackendKind, size: number, only: Set<Group>): Promise<ResultRow[]> {
  const where: Where = { size, backend: kind }
  const database = await createBenchDatabase(kind, `write${size}`)
  const project = writeBenchProject()
  const app = await createPushedApp({ cwd: project.dir, databaseUrl: database.url })
  const rows: ResultRow[] = []
  const runs = writeRuns(size)
  try {
    const products = createProducts(app, app.db, size)
    const posts = createPosts(app, app.db, size)
    if (only.has("create")) {
      for (const write of [products, posts]) {
        rows.push(...(await attempt(write.name, where, async () => [await runWrite(write, runs, where)])))
      }
    }
    if (only.has("link-create")) {
      // The pairs link the records a create left; fill the tables by hand when creates were skipped.
      for (const write of [products, posts]) {
        await write.reset()
        await write.baseline()
      }
      const pairs = await pairsOf(app.db)
      for (const write of [
        createLinks(app, app.db, pairs),
        createLinks(app, app.db, pairs, 100),
        checkedLinkCreates(app, app.db, pairs, 100),
      ]) {
        rows.push(...(await attempt(write.name, where, async () => [await runWrite(write, runs, where)])))
      }
    }
    if (only.has("transaction")) {
      await posts.reset()
      await posts.baseline()
      const postIds = (await app.db.query<{ id: string }>("select id from post order by title limit 100"))
        .rows
      for (const inTransaction of [true, false]) {
        const write = createAndLink(
          app,
          app.db,
          postIds.map((r) => r.id),
          inTransaction,
        )
        rows.push(...(await attempt(write.name, where, async () => [await runWrite(write, runs, where)])))
      }
    }
  } finally {
    await app.close()
    project.remove()
    await database.drop()
  }
  return rows
}
