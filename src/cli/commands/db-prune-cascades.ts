import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { examples } from "../output/help.ts"
import { runCommand, UsageError } from "../run-command.ts"

export function registerDbPruneCascades(program: Command): void {
  program
    .command("db:prune-cascades")
    .description("remove cascade journal entries older than a number of days (never an unfinished one)")
    .requiredOption("--older-than <days>", "age in days of the applied entries to remove")
    .addHelpText(
      "after",
      examples([
        "modlink db:prune-cascades --older-than 90",
        "records deleted before then restore one by one, no longer as their cascade",
      ]),
    )
    .action((flags: { olderThan: string }, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        const days = Number(flags.olderThan)
        if (!Number.isInteger(days) || days < 0) {
          throw new UsageError(
            `--older-than must be a whole number of days, got "${flags.olderThan}"`,
            "e.g. --older-than 90",
          )
        }
        return withApp(options, async (app) => {
          const { CascadeJournal } = await import("../../link/cascade/cascade-journal.ts")
          const removed = await new CascadeJournal().prune(app.db, days)
          console.log(
            `Removed ${removed} cascade journal entr${removed === 1 ? "y" : "ies"} older than ${days} days.`,
          )
          return 0
        })
      }).then((code) => {
        process.exitCode = code
      })
    })
}
