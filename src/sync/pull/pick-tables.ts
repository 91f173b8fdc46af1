import { ModlinkError, suggest } from "../../errors/index.ts"
import type { IntrospectedSchema, IntrospectedTable } from "../catalog/introspect.ts"

/** Bookkeeping tables of modlink and of Medusa's ORM: never a model. */
const BOOKKEEPING = /^(modlink_|link_module_migrations$|mikro_orm_migrations$)/

/**
 * The tables `db:pull` turns into models: the ones asked for, or every table no loaded module or
 * link owns (and no bookkeeping table). An unknown table asked for is an error naming the closest.
 */
export function pickTables(
  schema: IntrospectedSchema,
  owned: ReadonlySet<string>,
  asked?: readonly string[],
): IntrospectedTable[] {
  const free = [...schema.tables.values()].filter(
    (table) => !owned.has(table.name) && !BOOKKEEPING.test(table.name),
  )
  if (!asked) return free
  return asked.map((name) => {
    const table = schema.tables.get(name)
    if (!table) {
      throw new ModlinkError("INVALID_INPUT", `No table named "${name}" in schema ${schema.schema}`, {
        hint: suggest(name, schema.tables.keys(), "tables"),
      })
    }
    if (owned.has(name)) {
      throw new ModlinkError(
        "INVALID_INPUT",
        `Table "${name}" already belongs to a module or a link of this project`,
        {
          hint: "pull only tables no module models yet",
        },
      )
    }
    return table
  })
}
