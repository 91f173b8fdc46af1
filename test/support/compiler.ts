/**
 * The TypeScript compiler as the type-level tests drive it: the repository's compiler options and
 * a host that serves some files from memory (emitted declarations, a docs snapshot) over the disk.
 * Files read from disk are parsed once per process and shared by every program built here, so
 * checking many small programs over the framework's sources does not parse them again each time.
 */
import { dirname, join } from "node:path"
import ts from "typescript"
import { REPO, runProcess, show } from "../cli/run-cli.ts"

/** The options of the repository's tsconfig.json, with `overrides` applied. */
export function repoCompilerOptions(overrides: ts.CompilerOptions = {}): ts.CompilerOptions {
  const file = join(REPO, "tsconfig.json")
  const read = ts.readConfigFile(file, ts.sys.readFile)
  if (read.error) throw new Error(formatDiagnostics([read.error]))
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, REPO, undefined, file)
  return { ...parsed.options, ...overrides }
}

const parsed = new Map<string, ts.SourceFile>()

/** A compiler host reading `memory` (absolute path → text) first, then the disk. */
export function memoryHost(
  options: ts.CompilerOptions,
  memory: ReadonlyMap<string, string>,
): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true)
  const readDisk = host.readFile.bind(host)
  const existsOnDisk = host.fileExists.bind(host)
  const existsDir = host.directoryExists?.bind(host) ?? ts.sys.directoryExists
  const memoryDirs = new Set<string>()
  for (const path of memory.keys()) {
    for (let dir = dirname(path); !memoryDirs.has(dir) && dir !== dirname(dir); dir = dirname(dir))
      memoryDirs.add(dir)
  }
  host.fileExists = (path) => memory.has(path) || existsOnDisk(path)
  host.directoryExists = (path) => memoryDirs.has(path) || existsDir(path)
  host.readFile = (path) => memory.get(path) ?? readDisk(path)
  host.getSourceFile = (path, languageVersion) => {
    const text = memory.get(path)
    if (text !== undefined) return ts.createSourceFile(path, text, languageVersion, true)
    const key = `${path}\0${JSON.stringify(languageVersion)}`
    let file = parsed.get(key)
    if (!file) {
      const diskText = readDisk(path)
      if (diskText === undefined) return undefined
      file = ts.createSourceFile(path, diskText, languageVersion, true)
      parsed.set(key, file)
    }
    return file
  }
  return host
}

/** Diagnostics as tsc prints them, paths relative to the repository. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => REPO,
    getNewLine: () => "\n",
  })
}

/**
 * Calls `name` exported by `module` (an absolute path) in a child process, with arguments and
 * result passed as JSON: the compiler blocks its thread for a minute on a loaded machine, longer
 * than Vitest waits for a test worker to answer.
 */
export async function inChild<T>(module: string, name: string, args: unknown[]): Promise<T> {
  const script = join(REPO, "test", "support", "child-call.ts")
  const result = await runProcess(
    process.execPath,
    ["--import", "jiti/register", script, module, name, JSON.stringify(args)],
    { cwd: REPO },
  )
  if (result.code !== 0) throw new Error(`${name} failed in its child process\n${show(result)}`)
  return JSON.parse(result.stdout) as T
}
