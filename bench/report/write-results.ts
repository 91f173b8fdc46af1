import { mkdirSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { ResultRow } from "../measure/cases.ts"
import type { Machine } from "./machine.ts"

const RESULTS = fileURLToPath(new URL("../results/", import.meta.url))

/** `bench/results/<start time>.json`: one file per run, so runs never overwrite each other. */
export function resultsFile(started: Date): string {
  mkdirSync(RESULTS, { recursive: true })
  return `${RESULTS}${started
    .toISOString()
    .replaceAll(":", "-")
    .replace(/\.\d+Z$/, "Z")}.json`
}

export interface RunInfo {
  command: string
  machine: Machine
  started: Date
  /** False while the run is going on: an interrupted run leaves a partial file. */
  finished: boolean
}

/** (Re)writes the run's file with every row so far; called after each size, and at the end. */
export function writeResults(file: string, run: RunInfo, rows: readonly ResultRow[]): void {
  const record = {
    date: run.started.toISOString(),
    command: run.command,
    finished: run.finished,
    machine: run.machine,
    rows,
  }
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)
}
