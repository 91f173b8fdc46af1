import { join, relative } from "node:path"
import type { App } from "../../app/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"

/** A module of this project by name, with its migrations folder: what db:generate and db:rollback work on. */
export function projectModule(app: App, name: string) {
  const loaded = app.modules.find((m) => m.definition.name === name)
  if (!loaded) {
    throw new ModlinkError("INVALID_INPUT", `No module named "${name}" in the config`, {
      hint: suggest(
        name,
        app.modules.map((m) => m.definition.name),
        "configured modules",
      ),
    })
  }
  const inProject = loaded.dir && !relative(app.cwd, loaded.dir).startsWith("..")
  if (!loaded.dir || !inProject) {
    throw new ModlinkError("INVALID_INPUT", `Module "${name}" is not part of this project`, {
      hint: "a module that comes from a package ships its own migrations; db:migrate applies them",
    })
  }
  return { definition: loaded.definition, migrationsDir: join(loaded.dir, "migrations") }
}
