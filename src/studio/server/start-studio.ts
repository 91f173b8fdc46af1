import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { App } from "../../app/index.ts"
import { ApiError } from "../api/api-error.ts"
import { errorResponse } from "./http-error.ts"
import { readJsonBody } from "./read-body.ts"
import { apiRoutes } from "./routes.ts"
import { bundleDir, loadStaticFiles } from "./static-files.ts"
import { checkToken, newToken } from "./token.ts"

export interface StudioOptions {
  app: App
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0: a free port. */
  port?: number
  /** Serve the write endpoints (link create/dismiss, soft delete, restore). */
  write?: boolean
  /** Largest request body, in bytes (default 64 KiB). */
  maxBodyBytes?: number
  /** Longest a request may take, body and work together, in ms (default 30 s). */
  timeoutMs?: number
  /** Fixed token (tests); a random one otherwise. */
  token?: string
}

export interface Studio {
  /** `http://127.0.0.1:4983/?token=…`: what the user opens. */
  url: string
  token: string
  server: Server
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  // The bundle is self-contained: no script, style or request to any other origin.
  "content-security-policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
}

function send(response: ServerResponse, status: number, body: unknown, close = false): void {
  if (response.headersSent || response.destroyed) return
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...SECURITY_HEADERS,
    // A body refused half way is not read to its end: the connection goes with the answer.
    ...(close ? { connection: "close" } : {}),
  })
  response.end(JSON.stringify(body))
}

/** Runs `work`, or fails with 503 once `timeoutMs` has passed (the answer then stops waiting for it). */
function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ApiError(
            503,
            "TIMEOUT",
            `The request took longer than ${timeoutMs} ms`,
            "narrow the query: fewer fields, a smaller page",
          ),
        ),
      timeoutMs,
    )
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

/** Starts the studio's HTTP server over a loaded app: the browser bundle plus the JSON API. */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  const { app } = options
  const host = options.host ?? "127.0.0.1"
  const write = options.write ?? false
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  const timeoutMs = options.timeoutMs ?? 30_000
  const token = options.token ?? newToken()
  const routes = apiRoutes(write)
  const files = loadStaticFiles(bundleDir())

  async function handleApi(request: IncomingMessage, path: string): Promise<unknown> {
    checkToken(request, token)
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path))
    if (!route) {
      const hint = write ? undefined : "write endpoints exist only with `modlink studio --write`"
      throw new ApiError(404, "NOT_FOUND", `No API endpoint ${request.method} ${path}`, hint)
    }
    const body = request.method === "POST" ? await readJsonBody(request, maxBodyBytes, timeoutMs) : undefined
    const params = path.match(route.pattern)!.slice(1)
    return route.handle({ app, write, body, params })
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://studio").pathname
    if (!path.startsWith("/api/")) {
      const file = files.get(path)
      if (!file || request.method !== "GET")
        return send(response, 404, { error: { code: "NOT_FOUND", message: `No page ${path}` } })
      response.writeHead(200, { "content-type": file.type, ...SECURITY_HEADERS })
      response.end(file.body)
      return
    }
    withinTime(handleApi(request, path), timeoutMs).then(
      (result) => send(response, 200, result),
      (error) => {
        const { status, body } = errorResponse(error)
        send(response, status, body, status === 413 || status === 408)
      },
    )
  })
  server.requestTimeout = timeoutMs
  server.headersTimeout = Math.min(timeoutMs, 60_000)
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host.includes(":") ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    token,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
