import type { App } from "../../src/app/index.ts"
import { createPushedApp } from "../../src/sync/push-schema.ts"

/**
 * Loads the project on `url` with its module and link tables made straight from the definitions
 * (tests skip writing migration files; the CLI tests cover those).
 */
export function startApp(cwd: string, url: string): Promise<App> {
  return createPushedApp({ cwd, databaseUrl: url })
}
