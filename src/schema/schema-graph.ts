import { ModlinkError, suggest } from "../errors/index.ts"
import type { Entity } from "./entity.ts"

/** Every entity of the app and the database each lives on. Query and the link service read it. */
export class SchemaGraph {
  constructor(readonly entities: ReadonlyMap<string, Entity>) {}

  entity(name: string): Entity {
    const found = this.entities.get(name)
    if (!found) {
      throw new ModlinkError("UNKNOWN_ENTITY", `Unknown entity "${name}"`, {
        hint: suggest(name, this.entities.keys(), "entities"),
      })
    }
    return found
  }
}
