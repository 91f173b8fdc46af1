// A process that commits a transaction across two databases and stops dead at one step of the
// two-phase commit: `prepared` (the blog side is prepared, main has not committed) or `decided`
// (main committed the decision, the blog side is still prepared). It prints STOPPED there and
// hangs until the test kills it. It stops by holding back the driver's next statement: the database
// sees exactly what a process killed at that instant leaves.
import { createJiti } from "jiti"

const [cwd, stopAt] = process.argv.slice(2)
const jiti = createJiti(import.meta.url, { moduleCache: true })
const pg = (await jiti.import("pg")).default
const { createApp } = await jiti.import("../../../src/app/index.ts")

const query = pg.Client.prototype.query
let prepared = false
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === "string" ? config : config?.text
  const stop = () => {
    console.log("STOPPED")
    return new Promise(() => setInterval(() => {}, 1000))
  }
  if (stopAt === "decided" && text?.startsWith("COMMIT PREPARED")) return stop()
  if (stopAt === "prepared" && prepared && text === "COMMIT") return stop()
  if (text?.startsWith("PREPARE TRANSACTION")) prepared = true
  return query.call(this, config, ...rest)
}

const app = await createApp({ cwd })
await app.transaction(async (scope) => {
  const product = await scope.resolve("product").createProducts({ title: stopAt, handle: stopAt })
  const post = await scope.resolve("blog").createPosts({ title: stopAt })
  await scope.resolve("link").create({ product: { product_id: product.id }, blog: { post_id: post.id } })
})
console.log("COMMITTED")
await app.close()
