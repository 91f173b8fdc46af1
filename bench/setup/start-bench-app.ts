import { type App, createApp } from "../../src/app/index.ts"
import { pushSchema } from "../../src/sync/push-schema.ts"

/** Loads the project on `url` with its tables made from the definitions: the bench measures data, not migrations. */
export async function startBenchApp(cwd: string, url: string): Promise<App> {
  const app = await createApp({ cwd, databaseUrl: url })
  try {
    await pushSchema(app)
    return app
  } catch (error) {
    await app.close()
    throw error
  }
}
