/**
 * A way from one entity to another, as the query planner sees it: either a direct column match
 * (`source.sourceColumn = target.targetColumn`: belongsTo, hasMany, hasOne, read-only links, a link
 * entity to its sides) or through a pivot table (manyToMany pivots and link tables).
 */
export interface Edge {
  /** The field name on the source entity: `variants`, `post`, `posts`, `product`. */
  name: string
  kind: "relation" | "link" | "readonly-link"
  source: string
  target: string
  /** Many target rows per source row: results are arrays; single edges give an object or null. */
  isList: boolean
  sourceColumn: string
  targetColumn: string
  through?: Through
}

export interface Through {
  table: string
  /** Database key of the pivot table (link tables live on the main database). */
  database: string
  /** Pivot column matched against `source.sourceColumn`. */
  sourceColumn: string
  /** Pivot column matched against `target.targetColumn`. */
  targetColumn: string
  /** Link tables soft-delete their rows; manyToMany pivots do not. */
  softDelete: boolean
  /** The link entity (entry point) when the pivot is a link table. */
  link?: string
}
