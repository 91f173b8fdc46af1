import { ApiError } from "../api/api-error.ts"
import type { LinkDetail } from "../api/link-detail.ts"
import type { SchemaView } from "../api/schema-view.ts"

/** The token arrives in the URL `modlink studio` printed and goes with every API call. */
const token = new URLSearchParams(location.search).get("token") ?? ""

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      "x-modlink-token": token,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) {
    const error = json.error ?? {}
    throw new ApiError(
      response.status,
      error.code ?? "ERROR",
      error.message ?? response.statusText,
      error.hint,
    )
  }
  return json as T
}

export interface GraphResult {
  data: Record<string, any>[]
  metadata?: { count: number; skip: number; take: number }
}

export interface Explained {
  fragments: {
    database: string
    entity: string
    sql: string
    params: unknown[]
    edges: { path: string; strategy: string }[]
  }[]
}

export interface CascadePreview {
  records: Record<string, Record<string, string[]>>
  links: Record<string, Record<string, string>[]>
}

export const api = {
  schema: () => call<SchemaView>("GET", "/api/schema"),
  link: (entryPoint: string) => call<LinkDetail>("GET", `/api/links/${encodeURIComponent(entryPoint)}`),
  query: (input: unknown) => call<GraphResult>("POST", "/api/query", input),
  explain: (input: unknown) => call<Explained>("POST", "/api/explain", input),
  createLink: (link: string, left: string, right: string) =>
    call("POST", "/api/links/create", { link, left, right }),
  dismissLink: (link: string, left: string, right: string) =>
    call("POST", "/api/links/dismiss", { link, left, right }),
  previewDelete: (entity: string, ids: string[]) =>
    call<CascadePreview>("POST", "/api/records/delete-preview", { entity, ids }),
  deleteRecords: (entity: string, ids: string[]) => call("POST", "/api/records/delete", { entity, ids }),
  restoreRecords: (entity: string, ids: string[]) => call("POST", "/api/records/restore", { entity, ids }),
}

export type { LinkDetail, SchemaView }
