import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { BIN, childEnv } from "../../cli/run-cli.ts"

export interface CliRun {
  child: ChildProcessWithoutNullStreams
  /** Exit code (null when killed), signal, and everything printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>
}

/** `node bin/modlink-dev.js …` in `cwd` as a real child process, so the test can SIGKILL it. */
export function startCli(args: string[], cwd: string): CliRun {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: childEnv() })
  let output = ""
  child.stdout.on("data", (chunk) => {
    output += chunk
  })
  child.stderr.on("data", (chunk) => {
    output += chunk
  })
  child.stdin.end()
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve, reject) => {
      child.on("error", reject)
      child.on("close", (code, signal) => resolve({ code, signal, output }))
    },
  )
  return { child, done }
}
