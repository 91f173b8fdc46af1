import type { DmlModel } from "./model.ts"

export type RelationshipKind = "hasOne" | "hasMany" | "belongsTo" | "manyToMany"

export interface RelationshipOptions {
  /** The property on the other model that points back at this one. */
  mappedBy?: string
  /** hasOne only: keep the foreign key (`<field>_id`) on this model instead of the other. */
  foreignKey?: boolean
  /** manyToMany only: name of the pivot table. */
  pivotTable?: string
  /** manyToMany only: the pivot column holding this model's key (`<model>_id` by default). */
  joinColumn?: string
  /** manyToMany only: the pivot column holding the other model's key (`<other>_id` by default). */
  inverseJoinColumn?: string
  /**
   * manyToMany only: a model of this module whose table is the pivot, with ids, timestamps and
   * soft delete of its own (Medusa's product options). Its belongsTo to each side name the columns.
   */
  pivotEntity?: () => DmlModel
}

/**
 * A relationship between two models of the same module. The target is a thunk because models
 * usually reference each other and one of them is always defined first.
 */
export class Relationship {
  readonly kind = "relationship" as const
  isNullable = false

  constructor(
    readonly type: RelationshipKind,
    readonly target: () => DmlModel,
    readonly options: RelationshipOptions = {},
  ) {}

  nullable(): this {
    this.isNullable = true
    return this
  }
}
