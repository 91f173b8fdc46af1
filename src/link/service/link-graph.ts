import { type DmlModel, linkableKey } from "../../dml/index.ts"
import { type ModelRef, modelKey } from "../model-ref.ts"
import type { ResolvedLink, ResolvedLinkSide, ResolvedTableLink } from "../resolved-link.ts"

/** A model a link side points at, with what the service needs to soft-delete or restore its rows. */
export interface ModelTable extends ModelRef {
  /** Table and primary key column in the module's database. */
  table: string
  primaryKey: string
  /** `post_id`: the key module services and link inputs use for this model. */
  linkableKey: string
}

/** One end of a link seen from a model: the side that points at it and the side across. */
export interface LinkEnd {
  link: ResolvedTableLink
  /** The side pointing at the model. */
  near: "left" | "right"
  far: "left" | "right"
}

/** What the app knows about a module, to accept keys of models that have no link yet. */
export interface ModuleModels {
  name: string
  models: readonly DmlModel[]
}

/** `post_id` for a side pointing at blog.post: the key users write, whatever the column is named. */
export function linkableKeyOf(side: ResolvedLinkSide): string {
  return linkableKey(side.model, side.primaryKey)
}

function refOfSide(side: ResolvedLinkSide): ModelTable {
  return {
    module: side.module,
    model: side.model,
    table: side.modelTable,
    primaryKey: side.primaryKey,
    linkableKey: linkableKeyOf(side),
  }
}

/**
 * The links indexed the ways the service walks them: by model (cascades), by module and key
 * (inputs). Built once per service; read-only links are kept only to explain why they are refused.
 */
export class LinkGraph {
  readonly tableLinks: readonly ResolvedTableLink[]
  private readonly ends = new Map<string, LinkEnd[]>()
  private readonly refs = new Map<string, ModelTable>()
  private readonly tables = new Map<string, ResolvedTableLink>()
  /** Module → linkable key → model key. */
  private readonly keys = new Map<string, Map<string, string>>()

  constructor(
    readonly links: readonly ResolvedLink[],
    modules: readonly ModuleModels[] = [],
  ) {
    this.tableLinks = links.filter((link): link is ResolvedTableLink => !link.readOnly)
    for (const module of modules) {
      for (const model of module.models) {
        this.addKey(module.name, model.linkableKey(), modelKey(module.name, model.snakeName))
      }
    }
    for (const link of links) {
      for (const side of [link.left, link.right]) {
        const key = modelKey(side.module, side.model)
        this.refs.set(key, refOfSide(side))
        this.addKey(side.module, linkableKeyOf(side), key)
      }
    }
    for (const link of this.tableLinks) {
      this.tables.set(link.table, link)
      this.addEnd(link, "left", "right")
      this.addEnd(link, "right", "left")
    }
  }

  private addKey(module: string, linkableKey: string, model: string): void {
    const keys = this.keys.get(module) ?? new Map<string, string>()
    keys.set(linkableKey, model)
    this.keys.set(module, keys)
  }

  private addEnd(link: ResolvedTableLink, near: "left" | "right", far: "left" | "right"): void {
    const key = modelKey(link[near].module, link[near].model)
    this.ends.set(key, [...(this.ends.get(key) ?? []), { link, near, far }])
  }

  /** Links with a table that point at this model, each seen from the model's side. */
  endsOf(model: string): readonly LinkEnd[] {
    return this.ends.get(model) ?? []
  }

  /** The model's table and key; undefined for a model no link points at (nothing to cascade). */
  ref(model: string): ModelTable | undefined {
    return this.refs.get(model)
  }

  /** The link stored in this table; undefined once its definition was removed. */
  linkOfTable(table: string): ResolvedTableLink | undefined {
    return this.tables.get(table)
  }

  modules(): string[] {
    return [...this.keys.keys()]
  }

  /** Linkable keys of a module (`post_id`, `comment_id`) mapped to model keys (`blog.post`). */
  keysOf(module: string): ReadonlyMap<string, string> | undefined {
    return this.keys.get(module)
  }
}
