import type { GraphLink } from "../../../cli/graph/app-graph.ts"
import { api } from "../api.ts"
import { h, mount } from "../dom.ts"
import { href } from "../router.ts"
import type { Schema } from "../schema.ts"
import { errorBox } from "./error-box.ts"

const table = (head: string[], rows: (string | Node)[][]) =>
  h(
    "table",
    { class: "grid small" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        head.map((c) => h("th", null, c)),
      ),
    ),
    h(
      "tbody",
      null,
      rows.map((r) =>
        h(
          "tr",
          null,
          r.map((c) => h("td", null, c)),
        ),
      ),
    ),
  )

/** A link's facts from the graph, then its table as the database has it and sync's pending change. */
export async function linkPanel(panel: HTMLElement, _schema: Schema, link: GraphLink): Promise<void> {
  const facts = h(
    "dl",
    null,
    h("dt", null, "link"),
    h("dd", null, link.link),
    h("dt", null, "cardinality"),
    h("dd", null, link.cardinality),
    h("dt", null, "cascade"),
    h("dd", null, link.cascade.join(", ") || "none"),
    h("dt", null, "query fields"),
    h("dd", null, link.fields.join(", ")),
    h("dt", null, "rows"),
    h(
      "dd",
      null,
      link.readOnly ? "read-only (no table)" : link.rows === null ? "table not synced" : String(link.rows),
    ),
    h("dt", null, "file"),
    h("dd", null, link.file.replace(/^.*?(?=src[\\/]links[\\/])/, "")),
  )
  const body = h("div", null, h("p", { class: "muted" }, "Loading the table…"))
  mount(
    panel,
    h("h2", { "data-testid": "link-table" }, link.table ?? link.entryPoint),
    facts,
    !link.readOnly &&
      h("a", { href: href("records", [link.entryPoint]) }, `Browse the ${link.entryPoint} link rows →`),
    body,
  )
  if (link.readOnly) {
    mount(
      body,
      h("p", { class: "muted" }, "A read-only link has no table: the first model holds the other's id."),
    )
    return
  }
  try {
    const detail = await api.link(link.entryPoint)
    mount(
      body,
      h("h3", null, "Columns"),
      detail.exists
        ? table(
            ["name", "type", "null", "default"],
            detail.columns.map((c) => [c.name, c.type, c.nullable ? "yes" : "", c.default ?? ""]),
          )
        : h("p", { class: "warn" }, "The table does not exist yet."),
      h("h3", null, "Indexes"),
      table(
        ["name", "columns", "unique", "where"],
        detail.indexes.map((i) => [i.name, i.columns.join(", "), i.unique ? "unique" : "", i.where ?? ""]),
      ),
      h("h3", null, "db:sync-links"),
      detail.pending
        ? h(
            "div",
            { class: "pending", "data-testid": "pending-sync" },
            h(
              "p",
              null,
              h(
                "strong",
                null,
                `${detail.pending.kind}${detail.pending.safe ? " (safe)" : " (needs confirmation)"}`,
              ),
              ` — ${detail.pending.description}`,
            ),
            detail.pending.warnings.map((w) => h("p", { class: "warn" }, w)),
            h("pre", null, detail.pending.statements.map((s) => `${s};`).join("\n")),
          )
        : h(
            "p",
            { class: "ok", "data-testid": "pending-sync" },
            "In sync: db:sync-links has nothing to do for this link.",
          ),
    )
  } catch (error) {
    mount(body, errorBox(error))
  }
}
