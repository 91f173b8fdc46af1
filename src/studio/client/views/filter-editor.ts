import { h } from "../dom.ts"
import type { EntityView, Schema } from "../schema.ts"

/** One condition as the editor holds it: `post.title $ilike %guide%`. */
export interface Condition {
  path: string
  op: string
  value: string
}

const OPERATORS = ["$eq", "$ne", "$ilike", "$gt", "$gte", "$lt", "$lte", "is null", "is not null"]

function typed(value: string, type: string | undefined): unknown {
  if (type === "number" || type === "float") return Number(value)
  if (type === "boolean") return value === "true"
  return value
}

/**
 * Conditions as query.graph filters: a path through an edge nests under the edge's name
 * (`{ post: { title: { $ilike } } }`), several conditions are `$and`-ed.
 */
export function toFilters(
  conditions: Condition[],
  types: Map<string, string>,
): Record<string, unknown> | undefined {
  const parts = conditions
    .filter((c) => c.path)
    .map((c) => {
      const operand =
        c.op === "is null"
          ? null
          : c.op === "is not null"
            ? { $ne: null }
            : { [c.op]: typed(c.value, types.get(c.path)) }
      return c.path
        .split(".")
        .reverse()
        .reduce<unknown>((inner, key) => ({ [key]: inner }), operand) as Record<string, unknown>
    })
  if (parts.length === 0) return undefined
  return parts.length === 1 ? parts[0] : { $and: parts }
}

/** Rows of [field path ▾][operator ▾][value], through links and relationships one level deep. */
export function filterEditor(
  schema: Schema,
  entity: EntityView,
  initial: Condition[],
  onApply: (conditions: Condition[]) => void,
): HTMLElement {
  const paths = schema.filterPaths(entity)
  const conditions = initial.length ? initial.map((c) => ({ ...c })) : []
  const list = h("div", { class: "conditions" })
  const render = () => {
    list.replaceChildren(
      ...conditions.map((condition, i) =>
        h(
          "div",
          { class: "condition", "data-testid": "condition" },
          h(
            "select",
            {
              "data-testid": "filter-path",
              onchange: (e: Event) => (condition.path = (e.target as HTMLSelectElement).value),
            },
            paths.map((p) => h("option", { value: p.path, selected: p.path === condition.path }, p.path)),
          ),
          h(
            "select",
            {
              "data-testid": "filter-op",
              onchange: (e: Event) => (condition.op = (e.target as HTMLSelectElement).value),
            },
            OPERATORS.map((op) => h("option", { value: op, selected: op === condition.op }, op)),
          ),
          h("input", {
            "data-testid": "filter-value",
            value: condition.value,
            placeholder: "value (% for any text with $ilike)",
            oninput: (e: Event) => (condition.value = (e.target as HTMLInputElement).value),
            onkeydown: (e: KeyboardEvent) => e.key === "Enter" && onApply(conditions),
          }),
          h(
            "button",
            {
              class: "quiet",
              title: "remove",
              onclick: () => {
                conditions.splice(i, 1)
                render()
              },
            },
            "✕",
          ),
        ),
      ),
    )
  }
  render()
  return h(
    "div",
    { class: "filter-editor" },
    list,
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          "data-testid": "add-filter",
          onclick: () => {
            conditions.push({ path: paths[0].path, op: "$eq", value: "" })
            render()
          },
        },
        "+ filter",
      ),
      h(
        "button",
        { class: "primary", "data-testid": "apply-filters", onclick: () => onApply(conditions) },
        "Apply",
      ),
    ),
  )
}
