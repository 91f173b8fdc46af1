import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs"
import { hostname, uptime } from "node:os"
import { join } from "node:path"
import { ModlinkError } from "../errors/index.ts"

/** Who holds a PGlite folder: written into the lock file so a waiting process can name it. */
export interface LockHolder {
  pid: number
  hostname: string
  /** When this machine booted (ms since epoch): a pid from an earlier boot is no process at all. */
  bootedAt: number
  startedAt: string
  command: string
}

export interface FolderLockOptions {
  /** How long a second process waits for the holder before failing. */
  waitMs?: number
  /** Told once, when the folder is found held, so the user sees why nothing happens. */
  onWait?: (holder: LockHolder | undefined, lockFile: string) => void
}

export interface FolderLock {
  readonly file: string
  release(): void
}

/** The lock file's name inside the data folder, beside PostgreSQL's own files (like postmaster.pid). */
export const LOCK_FILE = "modlink.lock"
const DEFAULT_WAIT_MS = 30_000
const POLL_MS = 100
/** Boot times computed from uptime drift by a few ms per call; two boots are minutes apart. */
const BOOT_TOLERANCE_MS = 60_000
/** A lock file still empty after this long was left by a process killed between create and write. */
const EMPTY_GRACE_MS = 5_000

const bootedAt = (): number => Date.now() - uptime() * 1000

export function lockWaitMs(): number {
  const raw = process.env.MODLINK_PGLITE_WAIT_MS
  if (raw === undefined || raw === "") return DEFAULT_WAIT_MS
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new ModlinkError(
      "INVALID_CONFIG",
      `MODLINK_PGLITE_WAIT_MS must be a number of milliseconds, got "${raw}"`,
      {
        hint: `unset it for the default (${DEFAULT_WAIT_MS} ms), or set e.g. MODLINK_PGLITE_WAIT_MS=60000`,
      },
    )
  }
  return value
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as LockHolder
    return typeof holder.pid === "number" ? holder : undefined
  } catch {
    return undefined
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the pid exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code !== "ESRCH"
  }
}

/**
 * A holder that cannot be running any more: its pid is gone on this machine, or it was written
 * before this machine last booted. A holder on another host is never judged: it may be alive.
 */
function isStale(file: string, holder: LockHolder | undefined): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(file).mtimeMs > EMPTY_GRACE_MS
    } catch {
      return false
    }
  }
  if (holder.hostname !== hostname()) return false
  if (Math.abs(holder.bootedAt - bootedAt()) > BOOT_TOLERANCE_MS) return true
  return !processAlive(holder.pid)
}

/** Creates the lock file only if none exists: `wx` is atomic, so of two racing processes one wins. */
function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number
  try {
    fd = openSync(file, "wx")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false
    throw error
  }
  try {
    writeSync(fd, JSON.stringify(holder))
  } finally {
    closeSync(fd)
  }
  return true
}

const sameHolder = (a: LockHolder | undefined, b: LockHolder | undefined): boolean =>
  a?.pid === b?.pid && a?.startedAt === b?.startedAt && a?.hostname === b?.hostname

/**
 * Removes a stale lock. Moving it aside first and checking what was moved keeps two processes that
 * both judged the same lock stale from deleting the fresh lock the faster one just created.
 */
function takeOver(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.stale-${process.pid}`
  try {
    renameSync(file, aside)
  } catch {
    return
  }
  const moved = readHolder(aside)
  if (stale === undefined ? moved === undefined : sameHolder(moved, stale)) {
    unlinkSync(aside)
    return
  }
  // Another process took over and locked between our read and our rename: give its lock back.
  renameSync(aside, file)
}

function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return "another process"
  const where = holder.hostname === hostname() ? "" : ` on ${holder.hostname}`
  return `process ${holder.pid}${where} (${holder.command}, since ${holder.startedAt})`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const

/**
 * Makes this process the only one using the PGlite folder `dir`. PGlite is PostgreSQL in a single
 * process with the folder as its disk: two processes on one folder each keep their own buffers and
 * overwrite each other's writes. A second process waits for the holder (telling the user once), and
 * fails after `waitMs` naming it; a lock whose process is gone is taken over.
 */
export async function lockFolder(dir: string, options: FolderLockOptions = {}): Promise<FolderLock> {
  const file = join(dir, LOCK_FILE)
  const waitMs = options.waitMs ?? lockWaitMs()
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    bootedAt: bootedAt(),
    startedAt: new Date().toISOString(),
    // The binary shows as `modlink`: the installed bin, or the repository's runner of the
    // sources (bin/modlink-dev.js).
    command: process.argv
      .slice(1)
      .map((arg) => arg.replace(/^.*[\\/]modlink(-dev)?(\.js)?$/, "modlink"))
      .join(" ")
      .slice(0, 200),
  }
  const deadline = Date.now() + waitMs
  let told = false
  for (;;) {
    if (tryCreate(file, me)) break
    const holder = readHolder(file)
    if (isStale(file, holder)) {
      takeOver(file, holder)
      continue
    }
    if (Date.now() >= deadline) {
      throw new ModlinkError(
        "DATABASE_LOCKED",
        `The embedded database ${dir} is in use by ${describeHolder(holder)}`,
        {
          hint:
            `one process at a time owns a PGlite folder; waited ${waitMs} ms. Let it finish or stop it, ` +
            "raise MODLINK_PGLITE_WAIT_MS to wait longer, or use a PostgreSQL server (DATABASE_URL) for several processes at once",
          details: { holder, lockFile: file },
        },
      )
    }
    if (!told) {
      told = true
      options.onWait?.(holder, file)
    }
    await sleep(POLL_MS)
  }
  return holdLock(file, me)
}

/** Releases on close, and on exit or a termination signal, so a finished process frees the folder. */
function holdLock(file: string, me: LockHolder): FolderLock {
  let held = true
  const release = () => {
    if (!held) return
    held = false
    process.off("exit", release)
    for (const signal of signals) process.off(signal, onSignal)
    // Only our own lock: after a takeover by mistake, the file may be another process's.
    if (sameHolder(readHolder(file), me)) {
      try {
        unlinkSync(file)
      } catch {
        // Already gone (the folder was removed): nothing to release.
      }
    }
  }
  const onSignal = (signal: NodeJS.Signals) => {
    release()
    // Without listeners left, the signal's default action (ending the process) applies again.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  }
  process.on("exit", release)
  for (const signal of signals) process.on(signal, onSignal)
  return { file, release }
}
