import type { OrderDirection } from "../query-input.ts"
import type { GraphShape } from "./graph-shape.ts"

type SingleRelations<G extends GraphShape, E extends PropertyKey> = {
  [R in keyof G[E & keyof G]["relations"]]: G[E & keyof G]["relations"][R]["list"] extends true ? never : R
}[keyof G[E & keyof G]["relations"]] &
  string

/**
 * `pagination.order`: a direction per field; single relations nest (`{ post: { title: "DESC" } }`)
 * or use a dotted key (`{ "post.title": "DESC" }`). Lists cannot order their parent.
 */
export type GraphOrder<G extends GraphShape, E extends PropertyKey> = {
  [K in keyof G[E & keyof G]["fields"]]?: OrderDirection
} & {
  [R in SingleRelations<G, E>]?: GraphOrder<G, G[E & keyof G]["relations"][R]["target"]>
} & {
  [R in SingleRelations<
    G,
    E
  > as `${R}.${keyof G[G[E & keyof G]["relations"][R]["target"] & keyof G]["fields"] & string}`]?: OrderDirection
}
