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
export class Relationship<
  Kind extends RelationshipKind = RelationshipKind,
  Target = unknown,
  Nullable extends boolean = boolean,
  Options extends RelationshipOptions = RelationshipOptions,
> {
  readonly kind = "relationship" as const
  isNullable = false
  /**
   * Never set: carries the type parameters for `infer.ts`. `Target` is the thunk's own type
   * (`() => typeof Comment`), unconstrained so two models that point at each other can both be
   * inferred: a constraint would make the checker resolve the thunk while its model is inferred.
   */
  declare readonly "~types"?: { kind: Kind; target: Target; nullable: Nullable; options: Options }

  constructor(
    readonly type: Kind,
    readonly target: () => DmlModel,
    readonly options: RelationshipOptions = {},
  ) {}

  nullable(): Relationship<Kind, Target, true, Options> {
    this.isNullable = true
    return this as Relationship<Kind, Target, true, Options>
  }
}
