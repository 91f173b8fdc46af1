import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { afterAll, beforeAll, describe } from "vitest"
import { type Database, openPglite, openPostgres } from "../../src/db/index.ts"

/** The PostgreSQL server the suite uses; each test file works in a database of its own on it. */
export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const serverUp = await serverAnswers()
if (!serverUp) {
  if (process.env.MODLINK_REQUIRE_PG === "1") {
    throw new Error(`MODLINK_REQUIRE_PG=1 but no PostgreSQL server answers at ${SERVER_URL}`)
  }
  console.warn(`\n!!! No PostgreSQL server at ${SERVER_URL}: running the PGlite half of the suite only !!!\n`)
}

export type BackendKind = "pglite" | "postgres"
export const backendKinds: BackendKind[] = serverUp ? ["pglite", "postgres"] : ["pglite"]

/** A throwaway database: a fresh server database, or a PGlite folder. `url` works with the CLI. */
export interface FreshDatabase {
  kind: BackendKind
  url: string
  open(): Promise<Database>
  drop(): Promise<void>
}

function serverUrlFor(name: string): string {
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return url.toString()
}

export async function freshDatabase(kind: BackendKind): Promise<FreshDatabase> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "modlink-pglite-"))
    return {
      kind,
      url: `pglite:${dir}`,
      open: () => openPglite(dir),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const name = `modlink_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`create database "${name}"`)
  await admin.end()
  const url = serverUrlFor(name)
  return {
    kind,
    url,
    open: async () => openPostgres(url),
    drop: async () => {
      const client = new pg.Client({ connectionString: SERVER_URL })
      await client.connect()
      await client.query(`drop database if exists "${name}" with (force)`)
      await client.end()
    },
  }
}

export interface BackendContext {
  kind: BackendKind
  /** The file's database, open for the whole describe block. */
  db(): Database
  url(): string
}

/**
 * Runs the same tests on every backend: PGlite in memory and a fresh database on the server. The
 * database lives for the describe block and is dropped afterwards.
 */
export function describeBackends(name: string, body: (ctx: BackendContext) => void): void {
  for (const kind of backendKinds) {
    describe(`${name} [${kind}]`, () => {
      let fresh: FreshDatabase
      let db: Database
      beforeAll(async () => {
        fresh = await freshDatabase(kind)
        db = kind === "pglite" ? await openPglite() : await fresh.open()
      })
      afterAll(async () => {
        await db?.close()
        await fresh?.drop()
      })
      body({ kind, db: () => db, url: () => fresh.url })
    })
  }
}
