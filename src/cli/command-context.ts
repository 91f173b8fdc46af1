import type { Command } from "commander"
import { type App, createApp } from "../app/index.ts"
import { writeTypesFile } from "../app/types-file.ts"

/** Options every command accepts (declared on the root program). */
export interface GlobalOptions {
  cwd: string
  verbose: boolean
  databaseUrl?: string
}

export function globalOptions(command: Command): GlobalOptions {
  const root = command.optsWithGlobals() as Partial<GlobalOptions>
  return { cwd: root.cwd ?? process.cwd(), verbose: Boolean(root.verbose), databaseUrl: root.databaseUrl }
}

/**
 * Loads the app for a command and always closes it, so the process can exit. Every command that
 * loads the project refreshes its `modlink-env.d.ts`, so the editor's types follow the links.
 */
export async function withApp<T>(options: GlobalOptions, work: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp({ cwd: options.cwd, databaseUrl: options.databaseUrl })
  try {
    writeTypesFile(app)
    return await work(app)
  } finally {
    await app.close()
  }
}
