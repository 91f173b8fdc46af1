import { fileURLToPath } from "node:url"
import { createJiti, type Jiti } from "jiti"
import { ModlinkError } from "../errors/index.ts"

const here = fileURLToPath(new URL(".", import.meta.url))

let shared: Jiti | undefined

/**
 * Config, module, link and script files are TypeScript loaded at run time, without a build step.
 * `modlink` and `modlink/product` resolve to this copy of the framework wherever the project lives,
 * so a throwaway demo app in a temp folder needs no node_modules of its own.
 */
function loader(): Jiti {
  shared ??= createJiti(import.meta.url, {
    alias: {
      "modlink/product": fileURLToPath(new URL("../modules/product/index.ts", `file://${here}`)),
      modlink: fileURLToPath(new URL("../index.ts", `file://${here}`)),
    },
    fsCache: true,
    moduleCache: true,
    interopDefault: false,
  })
  return shared
}

/**
 * Where a load error points in the user's files: the first stack frame inside `file` (a file, or
 * a module folder whose model file threw), as `path:line:column`.
 */
function locate(error: unknown, file: string): string {
  const stack = error instanceof Error ? (error.stack ?? "") : ""
  for (const match of stack.matchAll(/(\/[^\s():]+):(\d+):(\d+)/g)) {
    const [, path, line, column] = match
    if (path.startsWith(file) && !path.includes("/node_modules/")) return `${path}:${line}:${column}`
  }
  return file
}

/** Imports a user file; a failure names the file (and line when known) and keeps the cause. */
export async function loadFile<T = Record<string, unknown>>(file: string, what: string): Promise<T> {
  try {
    return (await loader().import(file)) as T
  } catch (error) {
    if (error instanceof Error && error.name === "ModlinkError") {
      const where = locate(error, file)
      ;(error as Error).message = `${error.message}\n  in ${what} ${where}`
      throw error
    }
    const message = error instanceof Error ? error.message : String(error)
    throw new ModlinkError("INVALID_CONFIG", `Could not load ${what} ${locate(error, file)}: ${message}`, {
      hint: "fix the error in that file; it is loaded as TypeScript at run time",
      cause: error,
    })
  }
}
