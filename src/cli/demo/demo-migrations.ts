import { join } from "node:path"
import type { App } from "../../app/index.ts"
import { runMigrations } from "../../sync/index.ts"

/**
 * Applies every module's migration files, as `modlink db:migrate` does before syncing links.
 * Returns `module (n files)` per module, for the demo's progress line.
 */
export async function migrateDemoModules(app: App): Promise<string[]> {
  const done: string[] = []
  for (const { definition, dir } of app.modules) {
    if (!dir) continue
    const { applied } = await runMigrations(
      app.databaseOf(definition.name),
      definition.name,
      join(dir, "migrations"),
    )
    done.push(`${definition.name} (${applied.length} file${applied.length === 1 ? "" : "s"})`)
  }
  return done
}
