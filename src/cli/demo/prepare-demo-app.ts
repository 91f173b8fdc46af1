import { cpSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { UsageError } from "../run-command.ts"
import { blockingEntries } from "../scaffold/scaffold-project.ts"

/** The example app the demo runs: product module, blog module, three links, a seed script. */
export const EXAMPLE_APP = fileURLToPath(new URL("../../../examples/blog", import.meta.url))

/**
 * A fresh copy of the example app: in `dir` when given (it must be empty or missing), else in a
 * new temp folder. The copy is left in place so the files and commands the demo ends with work.
 */
export function prepareDemoApp(dir?: string): string {
  const target = dir ? resolve(dir) : mkdtempSync(resolve(tmpdir(), "modlink-demo-"))
  if (dir && blockingEntries(target).length > 0) {
    throw new UsageError(
      `${target} is not empty`,
      "give --dir a new or empty folder, or leave it out for a temp folder",
    )
  }
  // The example's own embedded database (if someone ran it in place) is not part of the app.
  cpSync(EXAMPLE_APP, target, { recursive: true, filter: (source) => basename(source) !== ".modlink" })
  return target
}
