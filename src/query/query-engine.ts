import type { Database } from "../db/index.ts"
import type { SchemaGraph } from "../schema/index.ts"
import { executePlan } from "./execute/execute-plan.ts"
import { explainPlan } from "./execute/explain-plan.ts"
import { parseQuery } from "./parse/parse-query.ts"
import { planQuery } from "./plan/plan-query.ts"
import type { ExplainResult, GraphInput, GraphResult } from "./query-input.ts"

export interface QueryEngineOptions {
  graph: SchemaGraph
  /** Open databases by key (`Entity.database`, `Through.database`). */
  databases: ReadonlyMap<string, Database>
}

/** The engine as the app builds it; `types/typed-query.ts` gives an app's typed view of it. */
export interface QueryEngine {
  /** Records of `input.entity` with the requested fields and related records, as plain objects. */
  graph<Row = Record<string, unknown>>(input: GraphInput): Promise<GraphResult<Row>>
  /** The statements `graph` would run for `input`, per database, and how each edge is compiled. */
  explain(input: GraphInput): ExplainResult
}

/** parse → plan → compile → execute, over the schema graph and the app's databases. */
export function createQueryEngine({ graph, databases }: QueryEngineOptions): QueryEngine {
  const plan = (input: GraphInput) => planQuery(graph, parseQuery(graph, input))
  return {
    async graph<Row>(input: GraphInput) {
      return (await executePlan(plan(input), databases)) as GraphResult<Row>
    },
    explain: (input) => ({ fragments: explainPlan(plan(input)) }),
  }
}
