import { type Database, openDatabase, replicaReader } from "../db/index.ts"
import { ModlinkError } from "../errors/index.ts"
import { MAIN_DATABASE } from "../schema/index.ts"
import type { LoadedModule } from "./load-modules.ts"

export interface OpenDatabasesOptions {
  cwd: string
  statementTimeout?: number
}

/**
 * Starts opening the main database, which needs only the config: the embedded one takes seconds
 * to start (WASM compile, PostgreSQL start-up), which then overlap with loading the modules.
 * The returned promise is marked handled; its failure surfaces where it is awaited.
 */
export function startMainDatabase(
  mainUrl: string | undefined,
  options: OpenDatabasesOptions,
): Promise<Database> {
  const opening = openDatabase(mainUrl, { ...options, name: MAIN_DATABASE })
  opening.catch(() => {})
  return opening
}

export interface OpenedDatabases {
  /** Primaries by key: every write, and reads that ask for the primary. */
  databases: Map<string, Database>
  /** By the same keys, where reads go by default: a replica reader, or the primary itself. */
  readers: Map<string, Database>
  /** Module name → key of its database. */
  placement: Map<string, string>
}

/**
 * Opens the main database and one per module that asks for its own; a module whose URL equals the
 * main one shares it. A database with replicas gets a reader over them.
 */
export async function openDatabases(
  main: { url: string | undefined; replicas?: readonly string[] },
  modules: readonly LoadedModule[],
  options: OpenDatabasesOptions,
  mainOpening: Promise<Database> = startMainDatabase(main.url, options),
): Promise<OpenedDatabases> {
  const databases = new Map<string, Database>()
  const readers = new Map<string, Database>()
  const placement = new Map<string, string>()
  const opened: Database[] = []
  const open = async (
    key: string,
    url: string | undefined,
    replicas: readonly string[] = [],
    opening = openDatabase(url, { ...options, name: key }),
  ) => {
    const primary = await opening
    opened.push(primary)
    databases.set(key, primary)
    if (replicas.length === 0) {
      readers.set(key, primary)
      return
    }
    if (primary.kind !== "postgres") {
      throw new ModlinkError(
        "INVALID_CONFIG",
        `Replicas are listed for database "${key}", which is embedded`,
        {
          hint: "replicas are PostgreSQL servers streaming from a server primary: set its databaseUrl too",
        },
      )
    }
    const copies: Database[] = []
    for (const replica of replicas) {
      const db = await openDatabase(replica, { ...options, name: key })
      opened.push(db)
      copies.push(db)
    }
    readers.set(key, replicaReader(primary, copies))
  }
  try {
    await open(MAIN_DATABASE, main.url, main.replicas, mainOpening)
    for (const { definition, databaseUrl, replicas } of modules) {
      if (!databaseUrl || databaseUrl === main.url) {
        placement.set(definition.name, MAIN_DATABASE)
        continue
      }
      await open(definition.name, databaseUrl, replicas)
      placement.set(definition.name, definition.name)
    }
    return { databases, readers, placement }
  } catch (error) {
    await Promise.all(opened.map((db) => db.close()))
    throw error
  }
}

/** Closes the primaries and the replica readers (a key without replicas reads its primary). */
export async function closeDatabases(
  databases: ReadonlyMap<string, Database>,
  readers: ReadonlyMap<string, Database>,
): Promise<void> {
  const replicaReaders = [...readers.entries()].filter(([key, db]) => databases.get(key) !== db)
  await Promise.all([...databases.values(), ...replicaReaders.map(([, db]) => db)].map((db) => db.close()))
}
