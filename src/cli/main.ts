import { readFileSync } from "node:fs"
import { Command, CommanderError } from "commander"
import { registerDbGenerate } from "./commands/db-generate.ts"
import { registerDbMigrate } from "./commands/db-migrate.ts"
import { registerDbPruneCascades } from "./commands/db-prune-cascades.ts"
import { registerDbPull } from "./commands/db-pull.ts"
import { registerDbRollback } from "./commands/db-rollback.ts"
import { registerDbStatus } from "./commands/db-status.ts"
import { registerDbSyncLinks } from "./commands/db-sync-links.ts"
import { registerDemo } from "./commands/demo.ts"
import { registerExec } from "./commands/exec.ts"
import { registerGraph } from "./commands/graph.ts"
import { registerInit } from "./commands/init.ts"
import { registerLinks } from "./commands/links.ts"
import { registerQuery } from "./commands/query.ts"
import { registerStudio } from "./commands/studio.ts"
import { registerTypes } from "./commands/types.ts"
import { EXIT } from "./run-command.ts"

/**
 * Each command lives in its own file under commands/ and registers itself here. A command file
 * imports only what its help needs at the top; the work (the framework, the drivers, the prompt
 * library) is imported inside its action, so `modlink --help` loads none of it.
 */
const commands: ((program: Command) => void)[] = [
  registerInit,
  registerDemo,
  registerDbGenerate,
  registerDbMigrate,
  registerDbStatus,
  registerDbRollback,
  registerDbPruneCascades,
  registerDbSyncLinks,
  registerDbPull,
  registerExec,
  registerLinks,
  registerQuery,
  registerGraph,
  registerStudio,
  registerTypes,
]

/** The package's version, from its package.json (the same two folders up from src/ and dist/). */
function version(): string {
  const file = new URL("../../package.json", import.meta.url)
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version
}

export function buildProgram(): Command {
  const program = new Command("modlink")
    .description("modular backends on PostgreSQL, with module links that compile to one SQL statement")
    .version(version(), "-v, --version", "print the version of modlink")
    .option(
      "-C, --cwd <dir>",
      "folder to run in (default: the current one); the project is the nearest folder at or above it with a modlink.config.ts",
    )
    .option(
      "--database-url <url>",
      "main database URL (default: config, then DATABASE_URL, then embedded PGlite)",
    )
    .option("--verbose", "show the failing SQL and stack traces of errors")
    .showSuggestionAfterError(true)
    // Every command's --help lists the options above too: they apply to it.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
  for (const register of commands) register(program)
  return program
}

/** Runs the CLI and returns the exit code (0 ok, 1 user error, 2 internal error). */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined
  try {
    await buildProgram().parseAsync(argv)
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage mistakes are user errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.userError
    }
    throw error
  }
}
