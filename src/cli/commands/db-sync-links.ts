import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { examples } from "../output/help.ts"
import { printTargetDatabases } from "../output/target-database.ts"
import { printWarnings } from "../output/warnings.ts"
import { EXIT, runCommand, UsageError } from "../run-command.ts"
import { isInteractive } from "../sync/is-interactive.ts"
import { syncMode } from "../sync/sync-policy.ts"

interface SyncLinksFlags {
  executeSafe?: boolean
  executeAll?: boolean
  dryRun?: boolean
}

export function registerDbSyncLinks(program: Command): void {
  program
    .command("db:sync-links")
    .description("create, update, rename or delete link tables to match the link definitions")
    .option("--execute-safe", "run only safe actions; skip unsafe updates and deletes without asking")
    .option("--execute-all", "run every action, unsafe updates and deletes included, without asking")
    .option("--dry-run", "print the plan and its SQL; change nothing")
    .addHelpText(
      "after",
      examples(
        ["modlink db:sync-links", "apply safe actions, ask about the others on a terminal"],
        ["modlink db:sync-links --dry-run", "show what would run"],
        ["modlink db:sync-links --execute-safe", "in CI: safe actions only"],
        ["modlink db:sync-links --execute-all", "apply everything, deletes included"],
      ),
    )
    .action((flags: SyncLinksFlags, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        if (flags.executeSafe && flags.executeAll) {
          throw new UsageError("--execute-safe and --execute-all contradict each other", "pass one of them")
        }
        return withApp(options, async (app) => {
          printWarnings(app.warnings)
          printTargetDatabases(app)
          const { syncLinks } = await import("../sync/sync-links.ts")
          const left = await syncLinks(app, {
            mode: syncMode(flags),
            dryRun: Boolean(flags.dryRun),
            interactive: isInteractive(),
          })
          return left > 0 ? EXIT.pending : EXIT.ok
        })
      }).then((code) => {
        process.exitCode = code
      })
    })
}
