import { api } from "./api.ts"
import { h, mount } from "./dom.ts"
import { currentRoute, href } from "./router.ts"
import { Schema } from "./schema.ts"
import { errorBox } from "./views/error-box.ts"
import { graphView } from "./views/graph-view.ts"
import { queryView } from "./views/query-view.ts"
import { recordView } from "./views/record-view.ts"
import { recordsView } from "./views/records-view.ts"

async function start(): Promise<void> {
  const root = document.getElementById("app")!
  let schema: Schema
  try {
    schema = new Schema(await api.schema())
  } catch (error) {
    mount(root, errorBox(error))
    return
  }
  const main = h("main")
  const nav = h("nav")
  mount(
    root,
    h(
      "header",
      null,
      h("span", { class: "brand" }, "modlink studio"),
      h("span", { class: "project" }, schema.view.project),
      nav,
      schema.view.write
        ? h("span", { class: "badge write" }, "write mode")
        : h("span", { class: "badge" }, "read-only"),
    ),
    main,
  )
  const render = () => {
    const route = currentRoute()
    const tab = (view: typeof route.view, label: string, target: string) =>
      h(
        "a",
        {
          href: target,
          class: route.view === view || (view === "records" && route.view === "record") ? "active" : "",
        },
        label,
      )
    mount(
      nav,
      tab("graph", "Graph", href("graph")),
      tab("records", "Records", href("records")),
      tab("query", "Query", href("query")),
    )
    const view = { graph: graphView, records: recordsView, record: recordView, query: queryView }[route.view]
    // Each render gets its own element: a slower earlier view that finishes late fills a detached one.
    const target = h("div", { class: "view" })
    mount(main, target)
    view(target, schema, route).catch((error) => mount(target, errorBox(error)))
  }
  window.addEventListener("hashchange", render)
  render()
}

start()
