import type { App, CreateAppOptions } from "../../src/app/index.ts"
import { createPushedApp } from "./push-schema.ts"

/**
 * Loads the project on `url` with its module and link tables made straight from the definitions
 * (tests skip writing migration files; the CLI tests cover those).
 */
export function startApp(
  cwd: string,
  url: string,
  options: Omit<CreateAppOptions, "cwd" | "databaseUrl"> = {},
): Promise<App> {
  return createPushedApp({ ...options, cwd, databaseUrl: url })
}

/**
 * For tests of the link tables themselves, which link made-up ids: `link.create` does not check
 * that the records exist (test/link/service/check-records.test.ts covers the check).
 */
export const UNCHECKED_LINKS = { checkLinkRecords: false } as const
