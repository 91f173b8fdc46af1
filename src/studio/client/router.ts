/**
 * Views live in the URL's hash (`#/records/product?skip=20`), so reload, back and a shared link
 * all land on the same view; the token stays in the query string before the hash.
 */
export interface Route {
  view: "graph" | "records" | "record" | "query"
  /** Path segments after the view: `["product"]`, `["product", "prod_1"]`. */
  args: string[]
  params: URLSearchParams
}

export function currentRoute(): Route {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?")
  const [view, ...args] = path.split("/").map(decodeURIComponent)
  const known = ["graph", "records", "record", "query"].includes(view) ? (view as Route["view"]) : "graph"
  return { view: known, args, params: new URLSearchParams(query) }
}

export function href(
  view: Route["view"],
  args: string[] = [],
  params: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") query.set(key, value)
  const tail = query.toString()
  return `#/${[view, ...args.map(encodeURIComponent)].join("/")}${tail ? `?${tail}` : ""}`
}

export function go(
  view: Route["view"],
  args: string[] = [],
  params: Record<string, string | undefined> = {},
): void {
  location.hash = href(view, args, params)
}
