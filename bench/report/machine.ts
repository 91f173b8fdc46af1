import { readFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { serverVersion } from "../setup/databases.ts"

export interface Machine {
  cpus: number
  cpuModel: string
  memoryGiB: number
  node: string
  postgres: string
  pglite: string
}

/** The machine the numbers come from: they mean little without it. */
export async function describeMachine(): Promise<Machine> {
  // PGlite's package.json is not in its exports map, so it is read from node_modules directly.
  const pkg = JSON.parse(
    readFileSync(new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url), "utf8"),
  ) as { version: string }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres: await serverVersion().catch(() => "no server"),
    pglite: pkg.version,
  }
}
