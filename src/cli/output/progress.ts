import { spinner } from "@clack/prompts"
import { colors } from "./colors.ts"

/** Shows long work: a spinner on a terminal, one plain line per step otherwise (logs, CI, tests). */
export interface Progress {
  /** A step begins; replaces the previous step's message on a terminal. */
  step(message: string): void
  /** The work finished: one line saying what was done. */
  done(message: string): void
}

export function createProgress(interactive = Boolean(process.stdout.isTTY)): Progress {
  if (!interactive) {
    return {
      step: (message) => console.log(colors.dim(`  … ${message}`)),
      done: (message) => console.log(`  ${colors.green("✓")} ${message}`),
    }
  }
  const spin = spinner()
  let running = false
  return {
    step(message) {
      if (running) spin.message(message)
      else spin.start(message)
      running = true
    },
    done(message) {
      if (running) spin.stop(message)
      else console.log(`  ${colors.green("✓")} ${message}`)
      running = false
    },
  }
}
