import { type App, createApp } from "../../src/app/index.ts"
import { pushSchema } from "../../src/sync/push-schema.ts"

/**
 * Loads the project on `url` and brings its module and link tables up to date straight from the
 * definitions (tests skip writing migration files; the CLI tests cover those).
 */
export async function startApp(cwd: string, url: string): Promise<App> {
  const app = await createApp({ cwd, databaseUrl: url })
  try {
    await pushSchema(app)
    return app
  } catch (error) {
    await app.close()
    throw error
  }
}
