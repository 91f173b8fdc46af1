import { type Sql, sql } from "../../db/index.ts"

/** json_build_object takes at most 100 arguments: 50 key/value pairs per call. */
const PAIRS_PER_CALL = 50

/**
 * A JSON object built by PostgreSQL. Keys are field and relation names from the schema, written as
 * string literals: json_build_object is variadic over "any", so a parameter there would have no type
 * PostgreSQL could infer. Wider objects are built in chunks and concatenated as jsonb.
 */
export function jsonObject(pairs: ReadonlyArray<readonly [string, Sql]>): Sql {
  const chunks: Sql[] = []
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) {
    const args = pairs.slice(i, i + PAIRS_PER_CALL).flatMap(([key, value]) => [literal(key), value])
    chunks.push(sql`json_build_object(${sql.join(args)})`)
  }
  if (chunks.length === 1) return chunks[0]
  return sql`(${sql.join(
    chunks.map((chunk) => sql`${chunk}::jsonb`),
    " || ",
  )})`
}

/** A SQL string literal; standard_conforming_strings (on since PostgreSQL 9.1) makes `''` the only escape. */
function literal(text: string): Sql {
  return sql.raw(`'${text.replaceAll("'", "''")}'`)
}
