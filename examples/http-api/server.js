#!/usr/bin/env node
// A Hono server embedding a modlink app, run with plain `node` (modlink is built JavaScript):
//
//   node examples/http-api/server.js [project folder, default: examples/blog]
//   curl 'http://127.0.0.1:3000/products?fields=title,post.title&take=5'
//
// The app is created once at boot and closed on shutdown (SIGINT, SIGTERM), so the connection pool
// or the embedded database's folder is released. PORT (0: any free port) and HOST pick the address.
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { Hono } from "hono"
import { createApp, isModlinkError } from "modlink"
import { BadRequest, productsQuery } from "./products-query.js"

/** Errors that describe the request (a field, a filter, an entity), not the server's state. */
const CLIENT_ERRORS = new Set(["INVALID_INPUT", "INVALID_FILTER", "UNKNOWN_ENTITY", "UNKNOWN_FIELD"])

const project = resolve(process.argv[2] ?? fileURLToPath(new URL("../blog", import.meta.url)))
const app = await createApp({ cwd: project })

const http = new Hono()

http.get("/products", async (c) => {
  const input = productsQuery(new URL(c.req.url).searchParams)
  return c.json(await app.query.graph(input))
})

http.onError((error, c) => {
  if (error instanceof BadRequest) return c.json({ error: { message: error.message, hint: error.hint } }, 400)
  if (isModlinkError(error) && CLIENT_ERRORS.has(error.code)) {
    // modlink's message already names what was wrong and the closest valid name.
    const [message] = error.message.split("\n  hint: ")
    return c.json({ error: { code: error.code, message, hint: error.hint } }, 400)
  }
  console.error(error)
  return c.json({ error: { message: "internal error" } }, 500)
})

const server = serve(
  { fetch: http.fetch, port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST ?? "127.0.0.1" },
  (info) => console.log(`listening on http://${info.address}:${info.port}`),
)

async function shutdown() {
  // Stop taking requests, let those in flight finish, then close the app's databases.
  await new Promise((done) => server.close(done))
  await app.close()
  console.log("closed")
}

process.once("SIGINT", shutdown)
process.once("SIGTERM", shutdown)
