import type { SchemaView } from "./api.ts"

export type EntityView = SchemaView["entities"][number]

/** The schema the server sent, with the look-ups every view needs. */
export class Schema {
  readonly entities: Map<string, EntityView>

  constructor(readonly view: SchemaView) {
    this.entities = new Map(view.entities.map((e) => [e.name, e]))
  }

  entity(name: string): EntityView | undefined {
    return this.entities.get(name)
  }

  /** Field paths one level through every edge: `title`, `post.title`, `product_tags.value`. */
  filterPaths(entity: EntityView): { path: string; type: string }[] {
    const own = entity.fields.map((f) => ({ path: f.name, type: f.type }))
    const through = entity.edges.flatMap((edge) =>
      (this.entity(edge.target)?.fields ?? []).map((f) => ({ path: `${edge.name}.${f.name}`, type: f.type })),
    )
    return [...own, ...through]
  }

  /** Completions of the last segment of a field path: `po` → `post.`, `post.ti` → `post.title`. */
  complete(entityName: string, partial: string): string[] {
    const segments = partial.split(".")
    const last = segments.pop() ?? ""
    let entity = this.entity(entityName)
    for (const segment of segments) {
      const edge = entity?.edges.find((e) => e.name === segment)
      entity = edge ? this.entity(edge.target) : undefined
    }
    if (!entity) return []
    const prefix = segments.length ? `${segments.join(".")}.` : ""
    const names = ["*", ...entity.fields.map((f) => f.name), ...entity.edges.map((e) => `${e.name}.`)]
    return names.filter((n) => n.startsWith(last)).map((n) => prefix + n)
  }
}

const LABEL_FIELDS = ["title", "name", "handle", "value", "author"]

/** A record's human name: its title, name, handle or value, else its key. */
export function labelOf(record: Record<string, unknown>, entity: EntityView): string {
  for (const field of LABEL_FIELDS) if (typeof record[field] === "string") return record[field] as string
  return String(record[entity.key] ?? "")
}
