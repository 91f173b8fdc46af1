import { Command, CommanderError } from "commander"
import { registerDbGenerate } from "./commands/db-generate.ts"
import { registerDbMigrate } from "./commands/db-migrate.ts"
import { registerDbPull } from "./commands/db-pull.ts"
import { registerDbSyncLinks } from "./commands/db-sync-links.ts"
import { registerDemo } from "./commands/demo.ts"
import { registerExec } from "./commands/exec.ts"
import { registerGraph } from "./commands/graph.ts"
import { registerInit } from "./commands/init.ts"
import { registerLinks } from "./commands/links.ts"
import { registerQuery } from "./commands/query.ts"
import { registerStudio } from "./commands/studio.ts"
import { EXIT } from "./run-command.ts"

/** Each command lives in its own file under commands/ and registers itself here. */
const commands: ((program: Command) => void)[] = [
  registerInit,
  registerDemo,
  registerDbGenerate,
  registerDbMigrate,
  registerDbSyncLinks,
  registerDbPull,
  registerExec,
  registerLinks,
  registerQuery,
  registerGraph,
  registerStudio,
]

export function buildProgram(): Command {
  const program = new Command("modlink")
    .description("modular backends on PostgreSQL, with module links that compile to one SQL statement")
    .option("-C, --cwd <dir>", "project folder (default: current folder)")
    .option(
      "--database-url <url>",
      "main database URL (default: config, then DATABASE_URL, then embedded PGlite)",
    )
    .option("--verbose", "show stack traces of errors")
    .showSuggestionAfterError(true)
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
