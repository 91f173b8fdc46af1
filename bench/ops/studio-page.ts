import { Agent, request } from "node:http"
import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { Studio } from "../../src/studio/server/start-studio.ts"
import type { ReadCase } from "../measure/cases.ts"
import { PRODUCT_COLUMNS, pick } from "./columns.ts"
import { pageOf, rowsOf } from "./page.ts"

/**
 * Studio's records view opening `product`: the first page of 100, sorted by id, with the total.
 * Timed through the studio's HTTP API (token, JSON body, validation, serialisation and parse on
 * the client side included) against the same statement by hand and the same `query.graph` call:
 * the second ratio is the API's overhead.
 */
export function studioFirstPage(app: App, db: Database, studio: Studio, take: number): ReadCase {
  const input = { entity: "product", fields: ["*"], pagination: { skip: 0, take, order: { id: "ASC" } } }
  const endpoint = new URL("/api/query", studio.url)
  // node:http with keep-alive, as a browser keeps its connection: undici's fetch adds client-side
  // cost of its own that no browser pays.
  const agent = new Agent({ keepAlive: true })
  const viaApi = () =>
    new Promise<unknown>((resolve, reject) => {
      const call = request(
        endpoint,
        {
          method: "POST",
          agent,
          headers: { "x-modlink-token": studio.token, "content-type": "application/json" },
        },
        (response) => {
          let body = ""
          response.setEncoding("utf8")
          response.on("data", (chunk) => {
            body += chunk
          })
          response.on("end", () =>
            response.statusCode === 200
              ? resolve(JSON.parse(body))
              : reject(new Error(`studio answered ${response.statusCode}: ${body}`)),
          )
        },
      )
      call.on("error", reject)
      call.end(JSON.stringify(input))
    })
  const handWritten = async () => {
    const { rows } = await db.query<Record<string, unknown> & { total?: string }>(
      `select ${PRODUCT_COLUMNS.join(", ")}, (select count(*) from product where deleted_at is null) as total
       from product where deleted_at is null order by id limit ${take}`,
    )
    return pageOf(
      rows.map((row) => pick(row, PRODUCT_COLUMNS)),
      rows,
      take,
    )
  }
  return {
    name: `studio: product page 1, take ${take}`,
    ordered: true,
    modlink: { label: "studio API", run: viaApi },
    baselines: [
      { label: "SQL", run: handWritten },
      { label: "query.graph", run: () => app.query.graph(input) },
    ],
    rows: rowsOf,
  }
}
