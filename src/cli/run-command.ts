import { isModlinkError } from "../errors/index.ts"
import { colors } from "./output/colors.ts"

/**
 * Exit codes: 0 success, 1 the user's input or project is wrong, 2 modlink itself failed, 3 the
 * command ran but left work undone (a skipped link change; `db:status` with something pending), so
 * CI can fail on it.
 */
export const EXIT = { ok: 0, userError: 1, internalError: 2, pending: 3 } as const

/** Thrown by commands to stop with a user error that is not a ModlinkError (bad flag combination…). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}

/**
 * Runs a command body and turns what it throws into a one-line cause (plus the fix) on stderr
 * and an exit code. Internal errors show their stack only with --verbose.
 */
export async function runCommand(verbose: boolean, body: () => Promise<number | undefined>): Promise<number> {
  try {
    return (await body()) ?? EXIT.ok
  } catch (error) {
    if (isModlinkError(error) || error instanceof UsageError) {
      const [first, ...rest] = error.message.split("\n")
      console.error(`${colors.red("error")} ${first}`)
      for (const line of rest) console.error(line)
      if (error instanceof UsageError && error.hint) console.error(`  hint: ${error.hint}`)
      const sql = isModlinkError(error) ? error.details?.sql : undefined
      if (verbose && typeof sql === "string") console.error(colors.dim(`  sql: ${sql}`))
      if (verbose && error.stack) console.error(colors.dim(error.stack))
      return EXIT.userError
    }
    console.error(`${colors.red("internal error")} ${error instanceof Error ? error.message : String(error)}`)
    if (verbose && error instanceof Error) console.error(error.stack)
    else console.error(colors.dim("  run again with --verbose for the stack trace"))
    return EXIT.internalError
  }
}
