import { Agent, createServer, request, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import type { GraphInput } from "../../src/query/index.ts"
import type { Studio } from "../../src/studio/server/start-studio.ts"
import type { ReadCase } from "../measure/cases.ts"
import { PRODUCT_COLUMNS, pick } from "./columns.ts"
import { pageOf, rowsOf } from "./page.ts"

/**
 * A bare node:http server answering the same query.graph call as JSON: no token, no validation,
 * no limits. The studio against it is the cost of the studio's own code; against query.graph in
 * process, the cost of any HTTP API (two HTTP stacks, JSON out and back in).
 */
export async function bareGraphServer(app: App, input: GraphInput): Promise<{ url: URL; server: Server }> {
  const server = createServer((req, res) => {
    req.resume()
    req.on("end", async () => {
      const body = JSON.stringify(await app.query.graph(input))
      res.writeHead(200, { "content-type": "application/json" })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`), server }
}

export const studioPageInput = (take: number): GraphInput => ({
  entity: "product",
  fields: ["*"],
  pagination: { skip: 0, take, order: { id: "ASC" } },
})

/** POSTs `input` as JSON and parses the answer, on one kept-alive connection as a browser does. */
function poster(endpoint: URL, headers: Record<string, string>, input: object) {
  // node:http with keep-alive: undici's fetch adds client-side cost of its own that no browser pays.
  const agent = new Agent({ keepAlive: true })
  const body = JSON.stringify(input)
  return () =>
    new Promise<unknown>((resolve, reject) => {
      const call = request(
        endpoint,
        { method: "POST", agent, headers: { ...headers, "content-type": "application/json" } },
        (response) => {
          let text = ""
          response.setEncoding("utf8")
          response.on("data", (chunk) => {
            text += chunk
          })
          response.on("end", () =>
            response.statusCode === 200
              ? resolve(JSON.parse(text))
              : reject(new Error(`${endpoint} answered ${response.statusCode}: ${text}`)),
          )
        },
      )
      call.on("error", reject)
      call.end(body)
    })
}

/**
 * Studio's records view opening `product`: the first page of 100, sorted by id, with the total.
 * Timed through the studio's HTTP API (token, JSON body, validation, serialisation and parse on
 * the client side included) against the same statement by hand, the same `query.graph` call (the
 * API's overhead) and the same call behind a bare HTTP server (the studio's own share of it).
 */
export function studioFirstPage(app: App, db: Database, studio: Studio, bare: URL, take: number): ReadCase {
  const input = studioPageInput(take)
  const viaApi = poster(new URL("/api/query", studio.url), { "x-modlink-token": studio.token }, input)
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
      { label: "query.graph over bare node:http", run: poster(bare, {}, input) },
    ],
    rows: rowsOf,
  }
}
