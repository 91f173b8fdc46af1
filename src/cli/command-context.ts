import type { Command } from "commander"
import { findProjectRoot } from "../app/config-files.ts"
import type { App } from "../app/index.ts"
import { ModlinkError } from "../errors/index.ts"

/** Options every command accepts (declared on the root program). */
export interface GlobalOptions {
  /** The folder the command runs in: `--cwd`, else the shell's. */
  cwd: string
  verbose: boolean
  databaseUrl?: string
}

export function globalOptions(command: Command): GlobalOptions {
  const root = command.optsWithGlobals() as Partial<GlobalOptions>
  return { cwd: root.cwd ?? process.cwd(), verbose: Boolean(root.verbose), databaseUrl: root.databaseUrl }
}

/** The project the command works on: the nearest folder at or above `cwd` with a config. */
export function projectRoot(options: GlobalOptions): string {
  const root = findProjectRoot(options.cwd)
  if (!root) {
    throw new ModlinkError(
      "INVALID_CONFIG",
      `No modlink.config.ts in ${options.cwd} or any folder above it`,
      {
        hint: "run the command inside your project, pass --cwd <project>, or create one with `modlink init`",
      },
    )
  }
  return root
}

/**
 * Loads the app for a command and always closes it, so the process can exit. Every command that
 * loads the project refreshes its `modlink-env.d.ts`, so the editor's types follow the links.
 * The framework is imported here, not at the top: `modlink --help` and `init` never load it.
 */
export async function withApp<T>(options: GlobalOptions, work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(options)
  try {
    const { writeTypesFile } = await import("../app/types-file.ts")
    writeTypesFile(app)
    return await work(app)
  } finally {
    await app.close()
  }
}

/** The project's app, for commands that manage its lifetime themselves (the studio). */
export async function openApp(options: GlobalOptions): Promise<App> {
  const cwd = projectRoot(options)
  const { createApp } = await import("../app/create-app.ts")
  return createApp({ cwd, databaseUrl: options.databaseUrl })
}
