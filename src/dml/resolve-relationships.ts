import { ModlinkError } from "../errors/index.ts"
import type { DmlModel } from "./model.ts"
import type { Relationship, RelationshipKind } from "./relationship.ts"

/**
 * A relationship with both ends known and the columns that join them. Either direct
 * (`source.sourceColumn = target.targetColumn`) or through a pivot table for manyToMany.
 */
export interface ResolvedRelationship {
  name: string
  type: RelationshipKind
  source: DmlModel
  target: DmlModel
  isList: boolean
  sourceColumn: string
  targetColumn: string
  /** The foreign key column lives on the source table (belongsTo, owning hasOne). */
  ownsForeignKey: boolean
  nullable: boolean
  pivot?: Pivot
}

/** The table between the two sides of a manyToMany; `entity` when it is a model's own table. */
export interface Pivot {
  table: string
  sourceColumn: string
  targetColumn: string
  entity?: DmlModel
}

/** The column a belongsTo (or owning hasOne) property adds: `product` → `product_id`. */
export function foreignKeyColumn(field: string): string {
  return `${field}_id`
}

function targetOf(model: DmlModel, field: string, relationship: Relationship, modelsInModule: Set<DmlModel>) {
  let target: DmlModel
  try {
    target = relationship.target()
  } catch (cause) {
    throw new ModlinkError(
      "INVALID_MODEL",
      `Relationship "${model.name}.${field}" could not read its target model`,
      {
        hint: "pass a function returning the model: model.hasMany(() => Comment)",
        cause,
      },
    )
  }
  if (target?.kind !== "model") {
    throw new ModlinkError(
      "INVALID_MODEL",
      `Relationship "${model.name}.${field}" does not return a data model`,
      {
        hint: "pass a function returning a model built with model.define",
      },
    )
  }
  if (!modelsInModule.has(target)) {
    throw new ModlinkError(
      "INVALID_MODEL",
      `Relationship "${model.name}.${field}" points at model "${target.name}"${target.module ? ` of module "${target.module}"` : ""}, which is not in this module`,
      {
        hint: "relationships stay inside one module; relate models of different modules with defineLink in src/links/",
      },
    )
  }
  return target
}

/** The belongsTo on `target` that points back at `source` (by `mappedBy` when given). */
function inverseBelongsTo(source: DmlModel, field: string, target: DmlModel, mappedBy?: string): string {
  const candidates = [...target.relationships].filter(
    ([name, r]) => r.type === "belongsTo" && (mappedBy ? name === mappedBy : r.target() === source),
  )
  if (candidates.length !== 1) {
    throw new ModlinkError(
      "INVALID_MODEL",
      `Relationship "${source.name}.${field}" needs exactly one belongsTo on "${target.name}" pointing back, found ${candidates.length}`,
      {
        hint: `add ${mappedBy ?? source.name}: model.belongsTo(() => ${source.entityName}, { mappedBy: "${field}" }) to ${target.name}, or set mappedBy`,
      },
    )
  }
  return foreignKeyColumn(candidates[0][0])
}

/**
 * Names come from this side's options, else from the other side's (where this side's join column
 * is that side's inverse one), else from the models: `<source>_<target>` sorted, `<model>_id`.
 */
function resolvePivot(source: DmlModel, name: string, target: DmlModel, relationship: Relationship): Pivot {
  const own = relationship.options
  const mapped = own.mappedBy ? target.relationships.get(own.mappedBy)?.options : undefined
  const entity = (own.pivotEntity ?? mapped?.pivotEntity)?.()
  if (entity) {
    return {
      table: entity.tableName,
      sourceColumn: pivotEntityColumn(entity, source, name),
      targetColumn: pivotEntityColumn(entity, target, name),
      entity,
    }
  }
  return {
    table: own.pivotTable ?? mapped?.pivotTable ?? [source.tableName, target.tableName].sort().join("_"),
    sourceColumn: own.joinColumn ?? mapped?.inverseJoinColumn ?? foreignKeyColumn(source.snakeName),
    targetColumn: own.inverseJoinColumn ?? mapped?.joinColumn ?? foreignKeyColumn(target.snakeName),
  }
}

/** The column of a pivot entity's belongsTo that points at `side`. */
function pivotEntityColumn(entity: DmlModel, side: DmlModel, field: string): string {
  const owners = [...entity.relationships].filter(([, r]) => r.type === "belongsTo" && r.target() === side)
  if (owners.length !== 1) {
    throw new ModlinkError(
      "INVALID_MODEL",
      `The pivot entity "${entity.name}" of relationship "${field}" needs exactly one belongsTo pointing at "${side.name}", found ${owners.length}`,
      { hint: `add ${side.snakeName}: model.belongsTo(() => ${side.entityName}) to ${entity.name}` },
    )
  }
  return foreignKeyColumn(owners[0][0])
}

/** Resolves every relationship of the models of one module, checking none leaves the module. */
export function resolveRelationships(models: readonly DmlModel[]): ResolvedRelationship[] {
  const inModule = new Set(models)
  const resolved: ResolvedRelationship[] = []
  for (const source of models) {
    for (const [name, relationship] of source.relationships) {
      const target = targetOf(source, name, relationship, inModule)
      const base = { name, type: relationship.type, source, target, nullable: relationship.isNullable }
      const sourcePk = source.primaryKeys[0]
      const targetPk = target.primaryKeys[0]
      switch (relationship.type) {
        case "belongsTo":
          resolved.push({
            ...base,
            isList: false,
            sourceColumn: foreignKeyColumn(name),
            targetColumn: targetPk,
            ownsForeignKey: true,
          })
          break
        case "hasOne":
          resolved.push(
            relationship.options.foreignKey
              ? {
                  ...base,
                  isList: false,
                  sourceColumn: foreignKeyColumn(name),
                  targetColumn: targetPk,
                  ownsForeignKey: true,
                }
              : {
                  ...base,
                  isList: false,
                  sourceColumn: sourcePk,
                  targetColumn: inverseBelongsTo(source, name, target, relationship.options.mappedBy),
                  ownsForeignKey: false,
                },
          )
          break
        case "hasMany":
          resolved.push({
            ...base,
            isList: true,
            sourceColumn: sourcePk,
            targetColumn: inverseBelongsTo(source, name, target, relationship.options.mappedBy),
            ownsForeignKey: false,
          })
          break
        case "manyToMany":
          resolved.push({
            ...base,
            isList: true,
            sourceColumn: sourcePk,
            targetColumn: targetPk,
            ownsForeignKey: false,
            pivot: resolvePivot(source, name, target, relationship),
          })
          break
      }
    }
  }
  return resolved
}
