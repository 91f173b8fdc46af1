/**
 * The type checker's picture of the schema graph (`schema/`): per query entity its record fields,
 * its key and the relations leaving it (module relationships and link fields alike). Built from
 * models by `model-graph.ts` and from links by `link-graph.ts`; read by the path, filter and order
 * types. Types only.
 */

export interface RelationShape {
  /** Query entity the relation leads to. */
  target: string
  /** A list side (hasMany, manyToMany, a link side with `isList`): the field holds an array. */
  list: boolean
}

export interface EntityShape {
  fields: object
  /** Fields every level returns whatever is asked (the primary key). */
  key: string
  relations: { [name: string]: RelationShape }
}

export type GraphShape = { [entity: string]: EntityShape }

export type FieldsOf<G extends GraphShape, E extends PropertyKey> = G[E & keyof G]["fields"]
export type RelationsOfEntity<G extends GraphShape, E extends PropertyKey> = G[E & keyof G]["relations"]
