import type { Database } from "../db/index.ts"
import type { SchemaGraph } from "../schema/index.ts"
import { executePlan } from "./execute/execute-plan.ts"
import { explainPlan } from "./execute/explain-plan.ts"
import { streamPlan } from "./execute/stream-plan.ts"
import { parseQuery } from "./parse/parse-query.ts"
import { planQuery } from "./plan/plan-query.ts"
import type { ExplainResult, GraphInput, GraphResult, ReadOptions, StreamOptions } from "./query-input.ts"

export interface QueryEngineOptions {
  graph: SchemaGraph
  /** Open databases by key (`Entity.database`, `Through.database`): the primaries. */
  databases: ReadonlyMap<string, Database>
  /**
   * Where reads go unless they ask for the primary, by the same keys: a database with replicas
   * has its replica reader here. Omitted (an engine inside a transaction), every read runs on
   * `databases`, which is how a transaction reads its own writes.
   */
  readers?: ReadonlyMap<string, Database>
}

/** The engine as the app builds it; `types/typed-query.ts` gives an app's typed view of it. */
export interface QueryEngine {
  /** Records of `input.entity` with the requested fields and related records, as plain objects. */
  graph<Row = Record<string, unknown>>(input: GraphInput, options?: ReadOptions): Promise<GraphResult<Row>>
  /**
   * The records `graph` returns for `input`, in the same order and shape, one at a time: read
   * through a cursor in chunks, so memory stays bounded by the chunk however many records match.
   * Breaking out of the loop (or throwing in it) closes the cursor.
   */
  stream<Row = Record<string, unknown>>(input: GraphInput, options?: StreamOptions): AsyncIterable<Row>
  /** The statements `graph` would run for `input`, per database, and how each edge is compiled. */
  explain(input: GraphInput): ExplainResult
}

/** parse → plan → compile → execute, over the schema graph and the app's databases. */
export function createQueryEngine({ graph, databases, readers }: QueryEngineOptions): QueryEngine {
  const plan = (input: GraphInput) => planQuery(graph, parseQuery(graph, input))
  // The one place a read picks between replicas and the primary.
  const readFrom = (options?: ReadOptions) =>
    options?.consistency === "primary" || !readers ? databases : readers
  return {
    async graph<Row>(input: GraphInput, options?: ReadOptions) {
      return (await executePlan(plan(input), readFrom(options))) as GraphResult<Row>
    },
    stream<Row>(input: GraphInput, options?: StreamOptions) {
      // Planned when the loop starts, so a bad input throws there, like any failure of the stream.
      return {
        [Symbol.asyncIterator]: () =>
          (streamPlan(plan(input), readFrom(options), options?.chunkSize) as AsyncGenerator<Row>)[
            Symbol.asyncIterator
          ](),
      }
    },
    explain: (input) => ({ fragments: explainPlan(plan(input)) }),
  }
}
