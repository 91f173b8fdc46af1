import { fileURLToPath } from "node:url"
import { createJiti, type Jiti } from "jiti"
import { ModlinkError } from "../errors/index.ts"

const FRAMEWORK = Symbol.for("modlink.framework")
const PRODUCT = Symbol.for("modlink.framework.product")

let shared: Jiti | undefined

/**
 * Publishes the running framework for the shims in `framework/`. The imports go through whatever
 * loaded this file (jiti under the CLI, the test runner in tests), so project files share its copy.
 * `__esModule` marks the framework's named exports for the compiled imports; `modlink/product` is
 * used by its default export, the module definition, which is what its shim hands out.
 */
async function publishFramework(): Promise<void> {
  const global = globalThis as Record<symbol, unknown>
  global[FRAMEWORK] ??= { __esModule: true, ...(await import("../index.ts")) }
  global[PRODUCT] ??= (await import("../modules/product/index.ts")).default
}

/**
 * Config, module, link and script files are TypeScript loaded at run time, without a build step.
 * `modlink` and `modlink/product` resolve to the running framework wherever the project lives, so
 * a throwaway demo app in a temp folder needs no node_modules of its own.
 */
function loader(): Jiti {
  shared ??= createJiti(import.meta.url, {
    alias: {
      "modlink/product": fileURLToPath(new URL("./framework/product.cjs", import.meta.url)),
      modlink: fileURLToPath(new URL("./framework/modlink.cjs", import.meta.url)),
    },
    fsCache: true,
    moduleCache: true,
    interopDefault: true,
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
  await publishFramework()
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
