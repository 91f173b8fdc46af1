import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

export const REPO = fileURLToPath(new URL("../../", import.meta.url))
export const BIN = fileURLToPath(new URL("../../bin/modlink-dev.js", import.meta.url))

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  cwd: string
  env?: Record<string, string | undefined>
  input?: string
}

/**
 * The environment of every process a test starts, built here and nowhere else. The caller's
 * DATABASE_URL and MODLINK_* variables (MODLINK_REQUIRE_PG, set by `.ci/run`) are removed, so a
 * project uses its embedded database unless the test names one in `overrides`; the suite then
 * behaves the same with and without them set. NO_COLOR keeps output plain. An override of
 * `undefined` removes that variable.
 */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" }
  for (const key of Object.keys(env))
    if (key === "DATABASE_URL" || key.startsWith("MODLINK_")) delete env[key]
  for (const [key, value] of Object.entries(overrides)) env[key] = value
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  return env as NodeJS.ProcessEnv
}

/** Runs a command as a user would, in a child process with its own cwd and `childEnv(options.env)`. */
export function runProcess(command: string, args: string[], options: CliOptions): Promise<CliResult> {
  const env = childEnv(options.env)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => {
      stdout += chunk
    })
    child.stderr.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("error", reject)
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(options.input ?? "")
  })
}

/** `node bin/modlink-dev.js …` in `cwd`: the CLI from its sources, so tests need no build. */
export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], options)
}

/** For assertion messages: what the command printed. */
export function show(result: CliResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}
