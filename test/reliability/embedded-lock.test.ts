import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openPglite } from "../../src/db/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { runCli, show } from "../cli/run-cli.ts"
import { configFile, createProject, type Project } from "../support/project.ts"
import { startCli } from "./support/cli-process.ts"

/**
 * The embedded database is a folder that one PGlite process owns at a time: these tests run real
 * `modlink` processes on one project's default folder (`.modlink/main`), as users do.
 */
const WRITES = 100
const WRITERS = 4

const scripts = {
  // Prints each id once its insert is acknowledged: those are the writes that must never be lost.
  "src/scripts/writer.ts": `
export default async function ({ container, args }) {
  const product = container.resolve("product")
  for (let i = 0; i < ${WRITES}; i++) {
    const created = await product.createProducts({ title: args[0] + " " + i, handle: args[0] + "-" + i })
    console.log("acked " + created.id)
  }
}
`,
  "src/scripts/ids.ts": `
export default async function ({ container }) {
  const products = await container.resolve("product").listProducts({}, { take: 100000, select: ["id"] })
  console.log(JSON.stringify(products.map((p) => p.id)))
}
`,
  // Writes one row, says so, then keeps the folder until it is killed.
  "src/scripts/hold.ts": `
export default async function ({ container }) {
  const created = await container.resolve("product").createProducts({ title: "held", handle: "held" })
  console.log("ready " + created.id)
  await new Promise(() => setInterval(() => {}, 1000))
}
`,
}

const acked = (stdout: string) => [...stdout.matchAll(/^acked (\S+)$/gm)].map((m) => m[1])

describe("one process owns the embedded database folder", () => {
  let project: Project
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: project.dir, env })
  const storedIds = async (): Promise<string[]> => {
    const result = await cli(["exec", "./src/scripts/ids.ts"])
    expect(result.code, show(result)).toBe(0)
    return JSON.parse(result.stdout.trim().split("\n").at(-1)!)
  }

  beforeAll(async () => {
    project = createProject({ ...configFile([]), ...scripts })
    const migrated = await cli(["db:migrate"])
    expect(migrated.code, show(migrated)).toBe(0)
  })
  afterAll(() => project?.cleanup())

  it(`keeps every acknowledged write of ${WRITERS} processes writing ${WRITES} rows each at once`, async () => {
    const before = await storedIds()
    const runs = await Promise.all(
      Array.from({ length: WRITERS }, (_, n) =>
        cli(["exec", "./src/scripts/writer.ts", `w${n}`], { MODLINK_PGLITE_WAIT_MS: "180000" }),
      ),
    )
    const written = runs.flatMap((run) => acked(run.stdout))
    for (const run of runs) expect(run.code, show(run)).toBe(0)
    expect(written).toHaveLength(WRITERS * WRITES)
    // Writers that found the folder held said so, naming the holder, instead of silently waiting.
    expect(runs.some((run) => /waiting for process \d+ \(modlink exec/.test(run.stderr))).toBe(true)
    const stored = new Set(await storedIds())
    expect(written.filter((id) => !stored.has(id))).toEqual([])
    expect(stored.size).toBe(before.length + WRITERS * WRITES)
    expect(existsSync(join(project.dir, ".modlink/main/modlink.lock"))).toBe(false)
    // The writers take turns: four whole commands in a row, on a machine shared with other suites.
  }, 300_000)

  it("opens the folder after its holder was killed with SIGKILL, with the holder's write kept", async () => {
    const holder = startCli(["exec", "./src/scripts/hold.ts"], project.dir)
    const id = await new Promise<string>((resolve, reject) => {
      let seen = ""
      holder.child.stdout.on("data", (chunk) => {
        seen += chunk
        const match = /ready (\S+)/.exec(seen)
        if (match) resolve(match[1])
      })
      holder.done.then(({ output }) => reject(new Error(`holder ended early:\n${output}`)))
    })
    expect(existsSync(join(project.dir, ".modlink/main/modlink.lock"))).toBe(true)
    holder.child.kill("SIGKILL")
    expect((await holder.done).signal).toBe("SIGKILL")

    // The lock names a dead process: the next command takes it over at once, without waiting.
    expect(await storedIds()).toContain(id)
  })

  it("makes a second process wait with a message naming the holder, then fail after the bound", async () => {
    const folder = join(project.dir, ".modlink/main")
    const db = await openPglite(folder)
    try {
      const result = await cli(["links"], { MODLINK_PGLITE_WAIT_MS: "300" })
      expect(result.code, show(result)).toBe(1)
      expect(result.stderr).toContain(`waiting for process ${process.pid} (`)
      expect(result.stderr).toContain(`which holds the embedded database ${folder}`)
      expect(result.stderr).toMatch(
        new RegExp(`error The embedded database .* is in use by process ${process.pid} \\(`),
      )
      expect(result.stderr).toContain("MODLINK_PGLITE_WAIT_MS")
    } finally {
      await db.close()
    }
  })

  it("lets the waiting process in as soon as the holder closes", async () => {
    const folder = join(project.dir, ".modlink/main")
    const db = await openPglite(folder)
    const waiter = startCli(["links"], project.dir)
    await new Promise<void>((resolve) => {
      waiter.child.stderr.on("data", (chunk) => {
        if (String(chunk).includes("waiting for process")) resolve()
      })
    })
    await db.close()
    const { code, output } = await waiter.done
    expect(code, output).toBe(0)
  })

  it("refuses a second open of a held folder in the same process, naming the holder", async () => {
    const folder = join(project.dir, ".modlink/main")
    const db = await openPglite(folder)
    try {
      const error = await openPglite(folder, { waitMs: 0 }).catch((e: unknown) => e)
      expect(isModlinkError(error) && error.code).toBe("DATABASE_LOCKED")
      expect((error as Error).message).toContain(`in use by process ${process.pid}`)
    } finally {
      await db.close()
    }
    // Released on close: the folder opens again.
    const again = await openPglite(folder, { waitMs: 0 })
    await again.close()
  })
})
