import type { Simplify } from "../../dml/infer.ts"
import type { GraphShape } from "./graph-shape.ts"

/**
 * Field paths (`"title"`, `"post.*"`, `"posts.comments.body"`) checked against the graph shape and
 * turned into the record type they select. Each path is walked one segment at a time, so depth
 * costs one instantiation per segment and never "excessively deep" on cyclic graphs.
 */

type Names<G extends GraphShape, E extends PropertyKey> =
  | (keyof G[E & keyof G]["fields"] & string)
  | (keyof G[E & keyof G]["relations"] & string)

/**
 * The type a path must have: the path itself when valid, else the valid spellings at the segment
 * that failed (`"post.titel"` must be `"post.title" | "post.body" | …`), which is what the error
 * names and the editor completes.
 */
export type CheckPath<
  G extends GraphShape,
  E extends PropertyKey,
  Path extends string,
  Whole extends string = Path,
  Prefix extends string = "",
> = string extends Path
  ? Path
  : Path extends "*" | Names<G, E>
    ? Whole
    : Path extends `${infer Head}.${infer Rest}`
      ? Head extends keyof G[E & keyof G]["relations"]
        ? CheckPath<G, G[E & keyof G]["relations"][Head]["target"], Rest, Whole, `${Prefix}${Head}.`>
        : `${Prefix}${keyof G[E & keyof G]["relations"] & string}.${string}`
      : `${Prefix}${"*" | Names<G, E>}`

export type CheckPaths<G extends GraphShape, E extends PropertyKey, Paths extends readonly string[]> = {
  [I in keyof Paths]: CheckPath<G, E, Paths[I]>
}

/** The paths below `Relation` among `Paths`; a relation named alone means all its fields. */
type SubPaths<Paths extends string, Relation extends string> = Paths extends `${Relation}.${infer Rest}`
  ? Rest
  : Paths extends Relation
    ? "*"
    : never

type RelationNames<Paths extends string> = Paths extends `${infer Head}.${string}` ? Head : Paths

type Scalars<G extends GraphShape, E extends PropertyKey, Paths extends string> = "*" extends Paths
  ? G[E & keyof G]["fields"]
  : Pick<G[E & keyof G]["fields"], Extract<Paths | G[E & keyof G]["key"], keyof G[E & keyof G]["fields"]>>

type Related<G extends GraphShape, E extends PropertyKey, Paths extends string> = {
  [R in RelationNames<Paths> & keyof G[E & keyof G]["relations"]]: G[E &
    keyof G]["relations"][R]["list"] extends true
    ? SelectedRow<G, G[E & keyof G]["relations"][R]["target"], SubPaths<Paths, R & string>>[]
    : SelectedRow<G, G[E & keyof G]["relations"][R]["target"], SubPaths<Paths, R & string>> | null
}

/**
 * The record `Paths` select on entity `E`: the named fields (every field for `"*"`), the key,
 * and each relation as a record (or null) or a list of records. A path that is not a literal
 * (`string`) selects every field, as `"*"`.
 */
export type SelectedRow<
  G extends GraphShape,
  E extends PropertyKey,
  Paths extends string,
> = string extends Paths ? G[E & keyof G]["fields"] : Simplify<Scalars<G, E, Paths> & Related<G, E, Paths>>
