import { execFile } from "node:child_process"
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"

const run = promisify(execFile)
const BIN = "/usr/lib/postgresql/15/bin"

/**
 * A PostgreSQL 15 server of the test's own, for faults that would break every other test file if
 * done to the shared server on 5432 (a restart terminates all their sessions). The cluster lives in
 * a temporary folder owned by the `postgres` OS user: PostgreSQL refuses to run as root.
 */
export interface PrivatePostgres {
  url: string
  /** `pg_ctl restart -m fast`: every session is terminated, the server comes back on the same port. */
  restart(): Promise<void>
  stop(): Promise<void>
}

/** Why the private server cannot run here, or undefined when it can. */
export function privatePostgresMissing(): string | undefined {
  if (!existsSync(join(BIN, "initdb")) || !existsSync(join(BIN, "pg_ctl")))
    return `no ${BIN}/initdb or pg_ctl`
  if (process.getuid?.() !== 0) return "not root: cannot run the server as the postgres user"
  return undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(address)))
    })
  })
}

async function asPostgres(args: string[]): Promise<void> {
  await run("runuser", ["-u", "postgres", "--", ...args], { timeout: 60_000 })
}

/** `settings` are extra server settings (`{ max_prepared_transactions: 8 }`). */
export async function startPrivatePostgres(
  settings: Record<string, string | number> = {},
): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), "modlink-private-pg-"))
  chownSync(
    dir,
    Number((await run("id", ["-u", "postgres"])).stdout),
    Number((await run("id", ["-g", "postgres"])).stdout),
  )
  const data = join(dir, "data")
  const port = await freePort()
  await asPostgres([join(BIN, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"])
  // fsync off: the cluster is thrown away; the socket goes in the private folder, not /run.
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`)
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra.join("")}`
  const pgCtl = (...args: string[]) =>
    asPostgres([join(BIN, "pg_ctl"), "-D", data, "-l", join(dir, "log"), "-o", options, "-w", ...args])
  await pgCtl("start")
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl("-m", "fast", "restart"),
    async stop() {
      await pgCtl("-m", "immediate", "stop").catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
