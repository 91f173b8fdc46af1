import type { Simplify, Timestamps } from "../../dml/infer.ts"
import type { EntryPointOf, KeyColumnsOf, LinkType, QueryFieldOf } from "../../link/link-types.ts"

/**
 * What links add to the graph shape, as `schema/link-entities.ts` does at run time: a field on each
 * model leading to the other side (`product.post`, `post.product_tags`), a `<model>_link` field to
 * the link rows, and the link's own entity (`product_post`) with its keys and extra columns.
 */

type Edge<Source extends string, Name extends string, Target extends string, List extends boolean> = {
  source: Source
  name: Name
  target: Target
  list: List
}

/** Every field a link adds to a model, as a union of edges. */
export type LinkEdges<L extends LinkType> = L extends LinkType
  ? L["readOnly"] extends true
    ? Edge<L["left"]["entity"], QueryFieldOf<L["right"]>, L["right"]["entity"], L["right"]["isList"]>
    :
        | Edge<L["left"]["entity"], QueryFieldOf<L["right"]>, L["right"]["entity"], L["right"]["isList"]>
        | Edge<L["right"]["entity"], QueryFieldOf<L["left"]>, L["left"]["entity"], L["left"]["isList"]>
        | Edge<L["left"]["entity"], `${L["right"]["entity"]}_link`, EntryPointOf<L>, L["right"]["isList"]>
        | Edge<L["right"]["entity"], `${L["left"]["entity"]}_link`, EntryPointOf<L>, L["left"]["isList"]>
  : never

/** The relations links add to entity `E`, by field name. */
export type LinkRelations<Edges, E> = {
  [D in Edges as D extends { source: E; name: infer Name extends string } ? Name : never]: D extends {
    target: infer Target
    list: infer List
  }
    ? { target: Target; list: List }
    : never
}

/** A link's own entity: the row id, one key per side, the extra columns, the timestamps. */
export type LinkEntity<L extends LinkType> = {
  fields: Simplify<{ id: string } & { [K in KeyColumnsOf<L>[number]]: string } & L["extra"] & Timestamps>
  key: KeyColumnsOf<L>[number]
  relations: {
    [S in L["left"]["entity"] | L["right"]["entity"]]: { target: S; list: false }
  }
}

/** The link entities of some links, by entry point; read-only links have none. */
export type LinkEntities<Links extends LinkType> = {
  [L in Links as L["readOnly"] extends true ? never : EntryPointOf<L>]: LinkEntity<L>
}
