import type { OrderDirection } from "../query-input.ts"
import type { EntityShape, GraphShape } from "./graph-shape.ts"

type SingleRelations<Entity extends EntityShape> = {
  [R in keyof Entity["relations"]]: Entity["relations"][R]["list"] extends true ? never : R
}[keyof Entity["relations"]] &
  string

/** The order of one entity (`Entity` is `G[E]`, looked up once). */
type EntityOrder<G extends GraphShape, Entity extends EntityShape> = {
  [K in keyof Entity["fields"]]?: OrderDirection
} & {
  [R in SingleRelations<Entity>]?: GraphOrder<G, Entity["relations"][R]["target"]>
} & {
  [R in SingleRelations<Entity> as `${R}.${keyof G[Entity["relations"][R]["target"] & keyof G]["fields"] &
    string}`]?: OrderDirection
}

/**
 * `pagination.order`: a direction per field; single relations nest (`{ post: { title: "DESC" } }`)
 * or use a dotted key (`{ "post.title": "DESC" }`). Lists cannot order their parent.
 */
export type GraphOrder<G extends GraphShape, E extends PropertyKey> = EntityOrder<G, G[E & keyof G]>
