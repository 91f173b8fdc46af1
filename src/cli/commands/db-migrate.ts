import type { Command } from "commander"
import { globalOptions, withApp } from "../command-context.ts"
import { examples } from "../output/help.ts"
import { printTargetDatabases } from "../output/target-database.ts"
import { printWarnings } from "../output/warnings.ts"
import { EXIT, runCommand, UsageError } from "../run-command.ts"
import { isInteractive } from "../sync/is-interactive.ts"
import { syncMode } from "../sync/sync-policy.ts"

interface MigrateFlags {
  skipLinks?: boolean
  executeSafeLinks?: boolean
  executeAllLinks?: boolean
  dryRun?: boolean
  baseline?: string[]
}

export function registerDbMigrate(program: Command): void {
  program
    .command("db:migrate")
    .description("apply pending module migrations, then sync the link tables")
    .option("--skip-links", "do not sync link tables")
    .option("--execute-safe-links", "link sync: run only safe actions, skip the rest without asking")
    .option("--execute-all-links", "link sync: run every action, deletes included, without asking")
    .option("--dry-run", "list pending migrations and the link plan with its SQL; change nothing")
    .option(
      "--baseline <module...>",
      "record the module's migrations as applied without running them, although its existing tables differ",
    )
    .addHelpText(
      "after",
      examples(
        ["modlink db:migrate", "migrations, then links (asks before unsafe link changes)"],
        ["modlink db:migrate --dry-run", "what would run"],
        ["modlink db:migrate --execute-safe-links", "in CI"],
        ["modlink db:migrate --skip-links", "module migrations only"],
        ["modlink db:migrate --baseline blog", "adopt blog's existing tables after reading the differences"],
      ),
    )
    .action((flags: MigrateFlags, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        if (flags.executeSafeLinks && flags.executeAllLinks) {
          throw new UsageError(
            "--execute-safe-links and --execute-all-links contradict each other",
            "pass one of them",
          )
        }
        const dryRun = Boolean(flags.dryRun)
        return withApp(options, async (app) => {
          printWarnings(app.warnings)
          printTargetDatabases(app)
          const { migrateModules } = await import("../sync/migrate-modules.ts")
          await migrateModules(app, { dryRun, baseline: flags.baseline })
          if (flags.skipLinks) return EXIT.ok
          const mode = syncMode({ executeSafe: flags.executeSafeLinks, executeAll: flags.executeAllLinks })
          const { syncLinks } = await import("../sync/sync-links.ts")
          const left = await syncLinks(app, { mode, dryRun, interactive: isInteractive() })
          return left > 0 ? EXIT.pending : EXIT.ok
        })
      }).then((code) => {
        process.exitCode = code
      })
    })
}
