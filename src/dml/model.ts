import { ModlinkError, suggest } from "../errors/index.ts"
import { linkableKey, toCamelCase, toPascalCase, toSnakeCase } from "./names.ts"
import { Property } from "./property.ts"
import { Relationship } from "./relationship.ts"

/** Columns every model has; declaring one is an error. */
export const IMPLICIT_COLUMNS = ["created_at", "updated_at", "deleted_at"] as const

export type ModelNameConfig = string | { name?: string; tableName: string }

export type ModelSchema = Record<string, Property | Relationship>

/**
 * A data model: its names, scalar properties and in-module relationships. Built by `model.define`
 * and read by the module service, the schema derivation and the link resolver.
 *
 * `Name` (as written to `model.define`) and `Schema` (the builders) exist for the type checker:
 * `InferTypeOf`, the generated service methods and query types are computed from them.
 */
export class DmlModel<Name extends string = string, Schema extends ModelSchema = ModelSchema> {
  readonly kind = "model" as const
  /** Never set: carries the type parameters so `infer.ts` can read them back. */
  declare readonly "~types"?: { name: Name; schema: Schema }
  /** `productVariant` */
  readonly name: string
  /** `ProductVariant` */
  readonly entityName: string
  /** `product_variant`: query entity name and prefix of the linkable key. */
  readonly snakeName: string
  readonly tableName: string
  readonly properties: ReadonlyMap<string, Property>
  readonly relationships: ReadonlyMap<string, Relationship>
  readonly primaryKeys: readonly string[]
  /** Set when the model joins a module; relationships may not leave it. */
  module?: string

  constructor(nameConfig: ModelNameConfig, schema: ModelSchema) {
    const { name, tableName } = readNames(nameConfig)
    this.name = toCamelCase(name)
    this.entityName = toPascalCase(name)
    this.snakeName = toSnakeCase(this.name)
    this.tableName = tableName
    const properties = new Map<string, Property>()
    const relationships = new Map<string, Relationship>()
    for (const [key, value] of Object.entries(schema)) {
      checkPropertyName(this.name, key)
      if (value instanceof Property) properties.set(key, value)
      else if (value instanceof Relationship) relationships.set(key, value)
      else {
        throw new ModlinkError(
          "INVALID_MODEL",
          `Property "${key}" of model "${this.name}" is not a model property`,
          {
            hint: "use a builder: model.id(), text(), number(), bigNumber(), float(), boolean(), dateTime(), json(), enum([...]), array(), or a relationship (hasOne, hasMany, belongsTo, manyToMany)",
          },
        )
      }
    }
    this.properties = properties
    this.relationships = relationships
    this.primaryKeys = validate(this.name, properties, relationships)
  }

  /** The key column a link table uses for this model (`post_id`, `product_variant_id`). */
  linkableKey(primaryKey: string = this.primaryKeys[0]): string {
    return linkableKey(this.snakeName, primaryKey)
  }

  property(name: string): Property {
    const found = this.properties.get(name)
    if (!found) {
      throw new ModlinkError("UNKNOWN_FIELD", `Model "${this.name}" has no property "${name}"`, {
        hint: suggest(name, this.properties.keys(), "properties"),
      })
    }
    return found
  }
}

function readNames(config: ModelNameConfig): { name: string; tableName: string } {
  if (typeof config === "string") {
    if (!config.trim()) throw new ModlinkError("INVALID_MODEL", "A model name cannot be empty")
    return { name: config, tableName: toSnakeCase(config) }
  }
  if (!config || typeof config.tableName !== "string" || !config.tableName) {
    throw new ModlinkError(
      "INVALID_MODEL",
      `Missing "tableName" in the model config ${JSON.stringify(config)}`,
      {
        hint: 'write model.define({ name: "Post", tableName: "blog_post" }, {...}) or model.define("post", {...})',
      },
    )
  }
  return { name: config.name ?? config.tableName, tableName: config.tableName }
}

/**
 * Property names become column names and the segments of query paths (`post.title`), so they are
 * plain identifiers: no dots, spaces or `$` (the query engine names its own helper columns with one).
 */
function checkPropertyName(model: string, key: string): void {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return
  throw new ModlinkError("INVALID_MODEL", `Property "${key}" of model "${model}" is not a valid name`, {
    hint: "property names are letters, digits and underscores, not starting with a digit (title, sku, product_type)",
  })
}

/** Returns the primary key property names after checking the rules a table needs. */
function validate(
  name: string,
  properties: ReadonlyMap<string, Property>,
  relationships: ReadonlyMap<string, Relationship>,
): string[] {
  const implicit = [...properties.keys(), ...relationships.keys()].filter((key) =>
    (IMPLICIT_COLUMNS as readonly string[]).includes(key),
  )
  if (implicit.length) {
    throw new ModlinkError(
      "INVALID_MODEL",
      `Model "${name}" cannot define ${implicit.map((f) => `"${f}"`).join(", ")}: created_at, updated_at and deleted_at are implicit on every model`,
      { hint: `remove ${implicit.join(", ")} from the model` },
    )
  }
  const ids = [...properties].filter(([, p]) => p.type === "id").map(([key]) => key)
  if (ids.length > 1) {
    throw new ModlinkError("INVALID_MODEL", `Model "${name}" uses model.id() twice (${ids.join(", ")})`, {
      hint: "a model has one id() property; use model.text() for other identifiers",
    })
  }
  const marked = [...properties].filter(([, p]) => p.isPrimaryKey).map(([key]) => key)
  if (marked.length) return marked
  if (ids.length === 1) {
    properties.get(ids[0])!.isPrimaryKey = true
    return ids
  }
  throw new ModlinkError("INVALID_MODEL", `Model "${name}" has no primary key`, {
    hint: "add id: model.id().primaryKey(), or mark a property with .primaryKey()",
  })
}
