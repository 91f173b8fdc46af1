import { ModlinkError } from "../errors/index.ts"

/**
 * The only way SQL is built in modlink. Interpolated values become bind parameters; identifiers go
 * through `sql.id`, which quotes them; `sql.raw` is for keywords and fragments modlink itself wrote.
 * A fragment is an immutable list of parts, so fragments compose without string concatenation bugs.
 */
const SQL_BRAND = Symbol.for("modlink.sql")

export class Sql {
  readonly [SQL_BRAND] = true

  constructor(readonly parts: readonly SqlPart[]) {}

  /** Text with `$1…$n` placeholders and the values in order, ready for a driver. */
  compile(): CompiledSql {
    const values: unknown[] = []
    let text = ""
    for (const part of this.parts) {
      if (typeof part === "string") text += part
      else {
        values.push(part.value)
        text += `$${values.length}`
      }
    }
    return { text, values }
  }
}

/**
 * A brand rather than instanceof: user files loaded at run time may hold their own copy of this
 * module (vitest and jiti each load one), and their fragments must still be recognised.
 */
export function isSql(value: unknown): value is Sql {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[SQL_BRAND] === true
}

type SqlPart = string | { readonly value: unknown }

export interface CompiledSql {
  readonly text: string
  readonly values: unknown[]
}

/** Quotes one identifier. NUL cannot be stored in a PostgreSQL identifier, so it is refused here. */
export function quoteIdent(name: string): string {
  if (name.length === 0 || name.includes("\0")) {
    throw new ModlinkError("INVALID_INPUT", `Invalid SQL identifier ${JSON.stringify(name)}`, {
      hint: "identifiers come from model, module and link names: use letters, digits and underscores",
    })
  }
  return `"${name.replaceAll('"', '""')}"`
}

function build(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: SqlPart[] = []
  strings.forEach((text, i) => {
    if (text) parts.push(text)
    if (i < values.length) {
      const value = values[i]
      if (isSql(value)) parts.push(...value.parts)
      else parts.push({ value })
    }
  })
  return new Sql(parts)
}

export interface SqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): Sql
  /** A quoted identifier; several names make a dotted path (`"t0"."title"`). */
  id(...names: string[]): Sql
  /** Trusted text written by modlink (keywords, operators, types). Never user input. */
  raw(text: string): Sql
  /** One bind parameter. */
  value(value: unknown): Sql
  join(items: readonly Sql[], separator?: Sql | string): Sql
  empty: Sql
}

export const sql: SqlTag = Object.assign(build, {
  id: (...names: string[]) => new Sql([names.map(quoteIdent).join(".")]),
  raw: (text: string) => new Sql([text]),
  value: (value: unknown) => new Sql([{ value }]),
  join(items: readonly Sql[], separator: Sql | string = ", "): Sql {
    const glue = typeof separator === "string" ? [separator] : separator.parts
    const parts: SqlPart[] = []
    items.forEach((item, i) => {
      if (i > 0) parts.push(...glue)
      parts.push(...item.parts)
    })
    return new Sql(parts)
  },
  empty: new Sql([]),
})
