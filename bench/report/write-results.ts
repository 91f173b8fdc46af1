import { mkdirSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { ResultRow } from "../measure/cases.ts"
import type { Machine } from "./machine.ts"

const RESULTS = fileURLToPath(new URL("../results/", import.meta.url))

/** Writes `bench/results/<date>.json` (one file per run, time in the name so runs never collide). */
export function writeResults(command: string, machine: Machine, rows: readonly ResultRow[]): string {
  mkdirSync(RESULTS, { recursive: true })
  const stamp = new Date()
    .toISOString()
    .replaceAll(":", "-")
    .replace(/\.\d+Z$/, "Z")
  const file = `${RESULTS}${stamp}.json`
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), command, machine, rows }, null, 2)}\n`,
  )
  return file
}
