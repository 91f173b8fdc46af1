import { execFile } from "node:child_process"
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import pg from "pg"

const run = promisify(execFile)

/** The machine's PostgreSQL server binaries (Debian layout), as the CI machine has them. */
export const PG_BIN = process.env.MODLINK_PG_BIN ?? "/usr/lib/postgresql/15/bin"
export const serverBinariesPresent = existsSync(join(PG_BIN, "pg_basebackup"))

/** PostgreSQL refuses to run as root: as root, the commands run as the `postgres` user. */
const asRoot = process.getuid?.() === 0

async function pgCommand(name: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", join(PG_BIN, name), ...args]]
    : [join(PG_BIN, name), args]
  await run(file, argv, { timeout: 60_000 })
}

/** A free TCP port on loopback, as the OS hands one out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** One running server of the test cluster: its folder, port and URL. */
export interface Server {
  dir: string
  port: number
  url: string
  stop(): Promise<void>
}

/** A primary and its streaming replicas, each its own server on a free loopback port. */
export interface ReplicatedCluster {
  primary: Server
  replicas: Server[]
  /** Waits until every running replica has replayed what the primary has written so far. */
  caughtUp(): Promise<void>
  stop(): Promise<void>
}

async function startServer(dir: string): Promise<Server> {
  const port = await freePort()
  await pgCommand("pg_ctl", [
    "-D",
    dir,
    "-w",
    "-l",
    join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ])
  let stopped = false
  return {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return
      stopped = true
      await pgCommand("pg_ctl", ["-D", dir, "-w", "-m", "fast", "stop"])
    },
  }
}

async function scalar<T>(url: string, text: string, values: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query({ text, values, rowMode: "array" })
    return rows[0][0] as T
  } finally {
    await client.end()
  }
}

/**
 * initdb a primary in a temp folder, then `pg_basebackup -R` it once per replica (the `-R` writes
 * the standby settings, so each starts streaming from the primary). Trust authentication on
 * loopback only; fsync off, as nothing here must survive a crash.
 */
export async function startReplicatedCluster(replicaCount: number): Promise<ReplicatedCluster> {
  const root = mkdtempSync(join(tmpdir(), "modlink-replicas-"))
  chmodSync(root, 0o755)
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"])
    const { stdout: gid } = await run("id", ["-g", "postgres"])
    chownSync(root, Number(stdout), Number(gid))
  }
  const servers: Server[] = []
  const stopAll = async () => {
    for (const server of servers.reverse()) await server.stop().catch(() => {})
    rmSync(root, { recursive: true, force: true })
  }
  try {
    const primaryDir = join(root, "primary")
    await pgCommand("initdb", ["-D", primaryDir, "-U", "postgres", "-A", "trust", "--no-sync"])
    const primary = await startServer(primaryDir)
    servers.push(primary)
    const replicas: Server[] = []
    for (let i = 1; i <= replicaCount; i++) {
      const dir = join(root, `replica${i}`)
      await pgCommand("pg_basebackup", [
        ...["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"],
        ...["-D", dir, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
      ])
      const replica = await startServer(dir)
      servers.push(replica)
      replicas.push(replica)
    }
    const stoppedReplicas = new Set<Server>()
    return {
      primary,
      replicas: replicas.map((replica) => ({
        ...replica,
        stop: async () => {
          stoppedReplicas.add(replica)
          await replica.stop()
        },
      })),
      async caughtUp() {
        const lsn = await scalar<string>(primary.url, "select pg_current_wal_lsn()::text")
        for (const replica of replicas) {
          if (stoppedReplicas.has(replica)) continue
          for (let tries = 0; ; tries++) {
            const done = await scalar<boolean>(replica.url, "select pg_last_wal_replay_lsn() >= $1::pg_lsn", [
              lsn,
            ])
            if (done) break
            if (tries > 200) throw new Error(`replica on port ${replica.port} did not catch up with ${lsn}`)
            await new Promise((resolve) => setTimeout(resolve, 50))
          }
        }
      },
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}

/** Runs one statement on a server directly (outside the app): pausing replay, checking roles. */
export function queryServer<T>(url: string, text: string): Promise<T> {
  return scalar<T>(url, text)
}
