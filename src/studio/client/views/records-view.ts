import { api } from "../api.ts"
import { h, mount } from "../dom.ts"
import { go, type Route } from "../router.ts"
import type { Schema } from "../schema.ts"
import { errorBox } from "./error-box.ts"
import { type Condition, filterEditor, toFilters } from "./filter-editor.ts"
import { recordTable } from "./record-table.ts"

const PAGE_SIZES = ["25", "50", "100"]

/** Picks the entity to browse: models by module, then link entry points. */
function entityPicker(schema: Schema, current: string): HTMLSelectElement {
  const byModule = new Map<string, string[]>()
  for (const entity of schema.view.entities) {
    const group = entity.kind === "link" ? "links" : `module ${entity.module}`
    byModule.set(group, [...(byModule.get(group) ?? []), entity.name])
  }
  return h(
    "select",
    {
      "data-testid": "entity",
      onchange: (e: Event) => go("records", [(e.target as HTMLSelectElement).value]),
    },
    [...byModule].map(([group, names]) =>
      h(
        "optgroup",
        { label: group },
        names.map((n) => h("option", { value: n, selected: n === current }, n)),
      ),
    ),
  )
}

/**
 * One entity as a table, paged, sorted and filtered on the server by query.graph; the state lives
 * in the URL (`#/records/product?skip=25&order=title:DESC&filters=[…]`).
 */
export async function recordsView(main: HTMLElement, schema: Schema, route: Route): Promise<void> {
  const name = route.args[0] ?? schema.view.entities.find((e) => e.kind === "model")?.name ?? ""
  const entity = schema.entity(name)
  if (!entity) throw new Error(`Unknown entity "${name}"`)
  const params = route.params
  const skip = Number(params.get("skip") ?? 0)
  const take = Number(params.get("take") ?? 25)
  const [orderField, orderDirection] = (params.get("order") ?? "").split(":")
  const conditions: Condition[] = JSON.parse(params.get("filters") ?? "[]")
  const state = {
    skip: String(skip),
    take: String(take),
    order: params.get("order") ?? undefined,
    filters: params.get("filters") ?? undefined,
  }
  const update = (change: Partial<typeof state>) => go("records", [name], { ...state, ...change })

  const types = new Map(schema.filterPaths(entity).map((p) => [p.path, p.type]))
  const input = {
    entity: name,
    fields: ["*"],
    filters: toFilters(conditions, types),
    pagination: { skip, take, order: orderField ? { [orderField]: orderDirection } : undefined },
  }
  const body = h("div", { class: "records-body" }, h("p", { class: "muted" }, "Loading…"))
  mount(
    main,
    h(
      "section",
      { class: "records-view" },
      h(
        "div",
        { class: "toolbar" },
        h("label", null, "Entity ", entityPicker(schema, name)),
        h(
          "span",
          { class: "muted" },
          entity.kind === "link" ? "link rows (entry point)" : `model of module ${entity.module}`,
        ),
      ),
      filterEditor(schema, entity, conditions, (next) =>
        update({ skip: "0", filters: next.length ? JSON.stringify(next) : undefined }),
      ),
      body,
    ),
  )
  try {
    const result = await api.query(input)
    const count = result.metadata?.count ?? result.data.length
    const columns = entity.fields.map((f) => f.name)
    const sort = (field: string) =>
      update({
        skip: "0",
        order: `${field}:${orderField === field && orderDirection === "ASC" ? "DESC" : "ASC"}`,
      })
    const last = Math.min(skip + take, count)
    mount(
      body,
      recordTable(result.data, {
        columns,
        order: orderField ? { field: orderField, direction: orderDirection as "ASC" | "DESC" } : undefined,
        onSort: sort,
        onOpen: (record) => go("record", [name, String(record[entity.key])]),
      }),
      h(
        "div",
        { class: "pager" },
        h(
          "button",
          {
            "data-testid": "prev",
            disabled: skip === 0,
            onclick: () => update({ skip: String(Math.max(0, skip - take)) }),
          },
          "← prev",
        ),
        h(
          "span",
          { "data-testid": "page-info" },
          count === 0 ? "no records" : `${skip + 1}–${last} of ${count}`,
        ),
        h(
          "button",
          {
            "data-testid": "next",
            disabled: last >= count,
            onclick: () => update({ skip: String(skip + take) }),
          },
          "next →",
        ),
        h(
          "select",
          {
            "data-testid": "page-size",
            onchange: (e: Event) => update({ skip: "0", take: (e.target as HTMLSelectElement).value }),
          },
          PAGE_SIZES.map((size) =>
            h("option", { value: size, selected: Number(size) === take }, `${size} per page`),
          ),
        ),
      ),
    )
  } catch (error) {
    mount(body, errorBox(error))
  }
}
