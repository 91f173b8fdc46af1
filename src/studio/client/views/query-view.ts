import { api } from "../api.ts"
import { h, mount } from "../dom.ts"
import { attachFieldCompletion } from "../query/field-completion.ts"
import { cliCommand, type QueryInput, typescriptSnippet } from "../query/snippets.ts"
import { go, type Route } from "../router.ts"
import type { Schema } from "../schema.ts"
import { errorBox } from "./error-box.ts"
import { columnsOf, recordTable } from "./record-table.ts"

const EXAMPLE: QueryInput = {
  entity: "product",
  fields: ["id", "title", "post.title"],
  pagination: { skip: 0, take: 10, order: { title: "ASC" } },
}

function parseJson(text: string, what: string): Record<string, unknown> | undefined {
  if (text.trim() === "") return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${what} is not valid JSON`)
  }
}

function copyable(title: string, text: string, testId: string): HTMLElement {
  const button = h("button", { class: "quiet" }, "copy")
  button.addEventListener("click", () =>
    navigator.clipboard.writeText(text).then(
      () => (button.textContent = "copied"),
      () => (button.textContent = "select and copy"),
    ),
  )
  return h(
    "div",
    { class: "snippet" },
    h("div", { class: "snippet-head" }, h("h3", null, title), button),
    h("pre", { "data-testid": testId }, text),
  )
}

/** Tabs over the same result: a table and the raw JSON. */
function resultTabs(data: Record<string, unknown>[], metadata: unknown): HTMLElement {
  const table = recordTable(data as Record<string, unknown>[], { columns: columnsOf(data) })
  const json = h(
    "pre",
    { class: "json", "data-testid": "result-json" },
    JSON.stringify({ data, metadata }, null, 2),
  )
  const body = h("div", { class: "tab-body" }, table)
  const tabs = h("div", { class: "tabs" })
  const select = (which: "table" | "json") => {
    mount(body, which === "table" ? table : json)
    for (const tab of tabs.children) tab.classList.toggle("active", tab.getAttribute("data-tab") === which)
  }
  tabs.append(
    h("button", { "data-tab": "table", class: "active", onclick: () => select("table") }, "Table"),
    h("button", { "data-tab": "json", "data-testid": "tab-json", onclick: () => select("json") }, "JSON"),
  )
  return h("div", null, tabs, body)
}

/** entity / fields / filters / pagination in, records (table and JSON), SQL and the same call as code out. */
export async function queryView(main: HTMLElement, schema: Schema, route: Route): Promise<void> {
  const given = route.params.get("input")
  const input: QueryInput = given ? JSON.parse(given) : EXAMPLE
  const entity = h("input", { list: "entities", value: input.entity, "data-testid": "query-entity" })
  const fields = h("input", {
    value: input.fields.join(", "),
    "data-testid": "query-fields",
    autocomplete: "off",
    spellcheck: "false",
  })
  const completion = attachFieldCompletion(fields, schema, () => entity.value.trim())
  const filters = h(
    "textarea",
    { rows: 3, "data-testid": "query-filters", spellcheck: "false" },
    input.filters ? JSON.stringify(input.filters) : "",
  )
  const order = h("input", {
    value: input.pagination?.order ? JSON.stringify(input.pagination.order) : "",
    placeholder: '{"title":"ASC"}',
    "data-testid": "query-order",
  })
  const skip = h("input", { type: "number", min: 0, value: input.pagination?.skip ?? 0, class: "narrow" })
  const take = h("input", {
    type: "number",
    min: 1,
    max: 1000,
    value: input.pagination?.take ?? 20,
    class: "narrow",
    "data-testid": "query-take",
  })
  const withDeleted = h("input", { type: "checkbox", checked: input.withDeleted })
  const output = h("div", { class: "query-output" })

  const read = (): QueryInput => ({
    entity: entity.value.trim(),
    fields: fields.value
      .split(",")
      .map((f) => f.trim())
      .filter(Boolean),
    filters: parseJson(filters.value, "filters"),
    pagination: {
      skip: Number(skip.value || 0),
      take: Number(take.value || 20),
      order: parseJson(order.value, "order"),
    },
    withDeleted: withDeleted.checked || undefined,
  })
  const run = () => {
    try {
      go("query", [], { input: JSON.stringify(read()) })
    } catch (error) {
      mount(output, errorBox(error))
    }
  }
  const field = (label: string, control: HTMLElement, ...extra: HTMLElement[]) =>
    h("label", { class: "field" }, h("span", null, label), control, ...extra)
  mount(
    main,
    h(
      "section",
      { class: "query-view" },
      h(
        "div",
        { class: "query-form" },
        h(
          "datalist",
          { id: "entities" },
          schema.view.entities.map((e) => h("option", { value: e.name }, e.kind)),
        ),
        field("entity", entity),
        h("div", { class: "completion-anchor" }, field("fields", fields), completion),
        field("filters (JSON)", filters),
        h(
          "div",
          { class: "row" },
          field("order (JSON)", order),
          field("skip", skip),
          field("take", take),
          field("with deleted", withDeleted),
        ),
        h("button", { class: "primary", "data-testid": "run-query", onclick: run }, "Run query"),
      ),
      output,
    ),
  )
  if (!given) return
  try {
    const [result, explained] = await Promise.all([api.query(input), api.explain(input)])
    mount(
      output,
      h(
        "p",
        { class: "muted", "data-testid": "query-count" },
        `${result.data.length} record(s)${result.metadata ? ` of ${result.metadata.count}` : ""}`,
      ),
      resultTabs(result.data, result.metadata),
      h(
        "div",
        { class: "snippets" },
        h(
          "div",
          { "data-testid": "query-sql" },
          h(
            "h3",
            null,
            `SQL (${explained.fragments.length} statement${explained.fragments.length === 1 ? "" : "s"})`,
          ),
          explained.fragments.map((f) =>
            h(
              "div",
              { class: "fragment" },
              h(
                "p",
                { class: "muted" },
                `on database ${f.database}, ${f.entity}; edges: ${f.edges.map((e) => `${e.path} (${e.strategy})`).join(", ") || "none"}`,
              ),
              h("pre", { class: "sql" }, f.sql),
              f.params.length > 0 && h("pre", { class: "params" }, `params: ${JSON.stringify(f.params)}`),
            ),
          ),
        ),
        copyable("TypeScript", typescriptSnippet(input), "snippet-ts"),
        copyable("CLI", cliCommand(input), "snippet-cli"),
      ),
    )
  } catch (error) {
    mount(output, errorBox(error))
  }
}
