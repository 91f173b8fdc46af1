import pluralize from "pluralize"

/**
 * The one place model names are derived, following Medusa so users' habits carry over:
 * `"product_variant"` → camel `productVariant`, Pascal `ProductVariant`, snake `product_variant`.
 */
export function toCamelCase(text: string): string {
  if (/^([a-zA-Z]+)(([A-Z]([a-z]+))+)$/.test(text)) return text[0].toLowerCase() + text.slice(1)
  return text.toLowerCase().replace(/[^a-z0-9]+(.)/g, (_, char: string) => char.toUpperCase())
}

export function toPascalCase(text: string): string {
  const camel = toCamelCase(text)
  return camel[0].toUpperCase() + camel.slice(1)
}

export function toSnakeCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()
}

/**
 * The key a link table and link inputs use for a model: its snake name and primary key,
 * `post_id`, `product_variant_id`. Models and link sides both ask here.
 */
export function linkableKey(snakeModel: string, primaryKey: string): string {
  return `${snakeModel}_${primaryKey}`
}

export function plural(word: string): string {
  return pluralize.plural(word)
}
