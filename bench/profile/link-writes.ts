import pg from "pg"
import { createPushedApp } from "../../test/support/push-schema.ts"
import type { WriteCase } from "../measure/cases.ts"
import { collectGarbage } from "../measure/collect-garbage.ts"
import { checkedLinkCreates, createLinks, pairsOf } from "../ops/link-creates.ts"
import { deleteCascade, dismissLinks } from "../ops/link-removals.ts"
import { createPosts, createProducts } from "../ops/service-creates.ts"
import { writeBenchProject } from "../setup/bench-project.ts"
import { createBenchDatabase } from "../setup/databases.ts"
import { seedReadData } from "../setup/seed-read-data.ts"

/**
 * Where a link write's time goes: the statements each side sends (counted at the driver, BEGIN and
 * COMMIT included), then interleaved timings (median of `runs`, every sample printed). Run through
 * jiti like bin/modlink-bench.js: `main(["10000", "5", "create,removals"])`; add "prof" to the
 * third argument to run only the one-call create, for `node --cpu-prof`.
 */
const texts: string[] = []
const original = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as string | { text: string }
  const text = (typeof q === "string" ? q : q.text).replace(/\s+/g, " ").slice(0, 90)
  const start = performance.now()
  const result = (original as (...a: unknown[]) => unknown).apply(this, args)
  // Round-trip time as the caller sees it (server work, transfer and the driver's row parsing).
  if (result instanceof Promise)
    result.then(() => texts.push(`${(performance.now() - start).toFixed(1).padStart(7)} ms  ${text}`))
  else texts.push(`      ?    ${text}`)
  return result
} as typeof original

async function counted(label: string, run: () => Promise<unknown>) {
  texts.length = 0
  await run()
  console.log(`${label}: ${texts.length} round trips`)
  for (const t of texts) console.log(`    ${t}`)
}

async function timed(c: WriteCase, runs: number) {
  const m: number[] = []
  const b: number[] = []
  const mCpu: number[] = []
  const bCpu: number[] = []
  for (let i = 0; i < runs; i++) {
    for (const [side, out, cpu] of [
      [c.modlink, m, mCpu],
      [c.baseline, b, bCpu],
    ] as const) {
      await c.reset()
      collectGarbage()
      const t = performance.now()
      const used = process.cpuUsage()
      await side()
      const spent = process.cpuUsage(used)
      out.push(performance.now() - t)
      // CPU of this process (JavaScript, GC, the driver): what the machine's load does not inflate.
      cpu.push((spent.user + spent.system) / 1000)
    }
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
  console.log(
    `${c.name}: modlink ${med(m).toFixed(1)} ms (client CPU ${med(mCpu).toFixed(1)} ms), baseline ${med(b).toFixed(1)} ms (client CPU ${med(bCpu).toFixed(1)} ms), ${(med(m) / med(b)).toFixed(2)}x  [${m.map((x) => x.toFixed(0))}] [${b.map((x) => x.toFixed(0))}]`,
  )
}

export async function main(argv: string[]) {
  const size = Number(argv[0] ?? 10000)
  const runs = Number(argv[1] ?? 5)
  const only = argv[2] ?? "create,removals"
  const project = writeBenchProject()
  const write = await createBenchDatabase("postgres", "profw")
  const read = await createBenchDatabase("postgres", "profr")
  try {
    if (only.includes("create")) {
      const app = await createPushedApp({ cwd: project.dir, databaseUrl: write.url })
      for (const w of [createProducts(app, app.db, size), createPosts(app, app.db, size)]) {
        await w.reset()
        await w.baseline()
      }
      const pairs = await pairsOf(app.db)
      const one = createLinks(app, app.db, pairs)
      const hundred = createLinks(app, app.db, pairs, 100)
      const small = { products: pairs.products.slice(0, 100), posts: pairs.posts.slice(0, 100) }
      const s = createLinks(app, app.db, small)
      await s.reset()
      await counted("link.create ×100, one call", s.modlink)
      await s.reset()
      await counted("baseline ×100", s.baseline)
      if (only.includes("prof")) {
        // For --cpu-prof: the one-call create alone, without the baseline.
        for (let i = 0; i < runs; i++) {
          await one.reset()
          await one.modlink()
        }
        return 0
      }
      for (const c of [one, hundred, checkedLinkCreates(app, app.db, pairs, 100)]) await timed(c, runs)
      await app.close()
    }
    if (only.includes("removals")) {
      const app = await createPushedApp({ cwd: project.dir, databaseUrl: read.url })
      await seedReadData(app.db, app.db, size)
      const d = dismissLinks(app, app.db, size)
      const x = deleteCascade(app, app.db, size)
      for (const c of [d, x]) {
        await c.reset()
        await counted(c.name, c.modlink)
        await c.reset()
      }
      for (const c of [d, x]) await timed(c, runs)
      await app.close()
    }
  } finally {
    project.remove()
    await write.drop()
    await read.drop()
  }
  return 0
}
