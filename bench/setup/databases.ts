import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"

export type BackendKind = "postgres" | "pglite"

/** The server the bench creates its databases on; `DATABASE_URL` points it elsewhere. */
export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

/** A database the bench made for one scenario and removes afterwards. */
export interface BenchDatabase {
  url: string
  drop(): Promise<void>
}

/** Runs `work` on a connection to the server's maintenance database (create and drop databases). */
export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * A fresh server database named `modlink_bench_<label>_<random>`, or a PGlite folder. PGlite gets a
 * folder rather than `pglite:memory` because two modules on "memory" would share one database and
 * the cross-database case needs two.
 */
export async function createBenchDatabase(kind: BackendKind, label: string): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), `modlink-bench-${label}-`))
    return { url: `pglite:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `modlink_bench_${label}_${Math.random().toString(36).slice(2, 8)}`
  await admin((client) => client.query(`create database "${name}"`))
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => {}),
  }
}

/** PostgreSQL server version line, for the report's machine section. */
export async function serverVersion(): Promise<string> {
  return admin(async (client) => (await client.query("select version() as v")).rows[0].v as string)
}
