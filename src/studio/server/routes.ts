import type { App } from "../../app/index.ts"
import { linkDetail } from "../api/link-detail.ts"
import { readGraphInput } from "../api/query-body.ts"
import { schemaView } from "../api/schema-view.ts"
import { createLink, dismissLink } from "../api/write-links.ts"
import { previewDelete, restoreRecords, softDeleteRecords } from "../api/write-records.ts"

export interface RouteContext {
  app: App
  write: boolean
  body: any
  /** Captured path segments of the route's pattern. */
  params: string[]
}

export interface Route {
  method: "GET" | "POST"
  pattern: RegExp
  handle(ctx: RouteContext): Promise<unknown>
}

/** Reads: the graph, a link's table, query.graph and its explain. */
const readRoutes: Route[] = [
  { method: "GET", pattern: /^\/api\/schema$/, handle: ({ app, write }) => schemaView(app, write) },
  {
    method: "GET",
    pattern: /^\/api\/links\/([\w-]+)$/,
    handle: ({ app, params }) => linkDetail(app, params[0]),
  },
  {
    method: "POST",
    pattern: /^\/api\/query$/,
    handle: ({ app, body }) => app.query.graph(readGraphInput(body)),
  },
  {
    method: "POST",
    pattern: /^\/api\/explain$/,
    handle: async ({ app, body }) => app.query.explain(readGraphInput(body)),
  },
]

/** Writes exist only under `--write`: without it these paths are simply not found. */
const writeRoutes: Route[] = [
  { method: "POST", pattern: /^\/api\/links\/create$/, handle: ({ app, body }) => createLink(app, body) },
  { method: "POST", pattern: /^\/api\/links\/dismiss$/, handle: ({ app, body }) => dismissLink(app, body) },
  {
    method: "POST",
    pattern: /^\/api\/records\/delete-preview$/,
    handle: ({ app, body }) => previewDelete(app, body),
  },
  {
    method: "POST",
    pattern: /^\/api\/records\/delete$/,
    handle: ({ app, body }) => softDeleteRecords(app, body),
  },
  {
    method: "POST",
    pattern: /^\/api\/records\/restore$/,
    handle: ({ app, body }) => restoreRecords(app, body),
  },
]

export function apiRoutes(write: boolean): Route[] {
  return write ? [...readRoutes, ...writeRoutes] : readRoutes
}
