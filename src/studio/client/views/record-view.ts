import { api } from "../api.ts"
import { cellText, h, mount } from "../dom.ts"
import { href, type Route } from "../router.ts"
import { type EntityView, labelOf, type Schema } from "../schema.ts"
import { errorBox } from "./error-box.ts"
import { deleteControls, linkForm, restoreControls } from "./write-actions.ts"

type Edge = EntityView["edges"][number]

/** How many linked records a record page shows per list edge. */
const LINKED_PAGE = 20

function linkedRow(
  schema: Schema,
  edge: Edge,
  record: Record<string, unknown>,
  dismiss?: HTMLElement,
): HTMLElement {
  const target = schema.entity(edge.target)!
  const id = String(record[target.key])
  return h(
    "li",
    null,
    h(
      "a",
      { href: href("record", [target.name, id]), "data-testid": `linked-${edge.name}` },
      labelOf(record, target),
    ),
    h("span", { class: "muted" }, ` ${id}`),
    dismiss,
  )
}

/** The records on one edge (a relationship or a link), each a link to its own page. */
function edgeSection(
  schema: Schema,
  entity: EntityView,
  id: string,
  edge: Edge,
  value: unknown,
  reload: () => void,
): HTMLElement {
  const records = (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[]
  const kind =
    edge.kind === "relation" ? "relationship" : edge.kind === "readonly-link" ? "read-only link" : "link"
  const writable =
    schema.view.write && edge.link !== undefined && schema.entity(edge.target)?.kind === "model"
  return h(
    "section",
    { class: "edge-section", "data-testid": `edge-${edge.name}` },
    h(
      "h3",
      null,
      edge.name,
      h("span", { class: "muted" }, ` → ${edge.target} · ${kind}${edge.isList ? " · list" : ""}`),
    ),
    records.length
      ? h(
          "ul",
          null,
          records.map((r) =>
            linkedRow(
              schema,
              edge,
              r,
              writable ? linkForm.dismissButton(schema, entity, id, edge, r, reload) : undefined,
            ),
          ),
        )
      : h("p", { class: "muted" }, "none"),
    edge.isList && records.length === LINKED_PAGE && h("p", { class: "muted" }, `first ${LINKED_PAGE} shown`),
    writable && linkForm.create(schema, entity, id, edge, reload),
  )
}

/** One record: its fields, then its linked records on every link and relationship. */
export async function recordView(main: HTMLElement, schema: Schema, route: Route): Promise<void> {
  const [name, id] = route.args
  const entity = schema.entity(name)
  if (!entity) throw new Error(`Unknown entity "${name}"`)
  const reload = () => recordView(main, schema, route).catch((error) => mount(main, errorBox(error)))
  // Links first: they are what no other admin shows; relationships inside the module follow.
  const edges = entity.edges
    .filter((e) => schema.entity(e.target))
    .sort((a, b) => Number(a.kind === "relation") - Number(b.kind === "relation"))
  const nested = Object.fromEntries(edges.filter((e) => e.isList).map((e) => [e.name, { take: LINKED_PAGE }]))
  const result = await api.query({
    entity: name,
    fields: ["*", ...edges.map((e) => `${e.name}.*`)],
    filters: { [entity.key]: id },
    nested,
    pagination: { take: 1 },
  })
  const record = result.data[0]
  const back = h("a", { href: href("records", [name]) }, `← all ${name} records`)
  if (!record) {
    const deleted = (
      await api.query({ entity: name, fields: ["*"], filters: { [entity.key]: id }, withDeleted: true })
    ).data[0]
    mount(
      main,
      h(
        "section",
        { class: "record-view" },
        back,
        h("h2", null, `${name} ${id}`),
        deleted
          ? h(
              "div",
              null,
              h(
                "p",
                { class: "warn", "data-testid": "deleted" },
                `This record was soft-deleted at ${cellText(deleted.deleted_at)}.`,
              ),
              restoreControls(schema, entity, id, reload),
            )
          : h("p", { class: "warn" }, "No such record."),
      ),
    )
    return
  }
  mount(
    main,
    h(
      "section",
      { class: "record-view" },
      back,
      h(
        "h2",
        { "data-testid": "record-title" },
        labelOf(record, entity),
        h("span", { class: "muted" }, ` ${name} ${id}`),
      ),
      schema.view.write && entity.kind === "model" && deleteControls(schema, entity, id),
      h(
        "div",
        { class: "record-columns" },
        h(
          "table",
          { class: "grid fields", "data-testid": "record-fields" },
          h(
            "tbody",
            null,
            entity.fields.map((f) =>
              h("tr", null, h("th", null, f.name), h("td", null, cellText(record[f.name], 500))),
            ),
          ),
        ),
        h(
          "div",
          { class: "edges" },
          edges.map((edge) => edgeSection(schema, entity, id, edge, record[edge.name], reload)),
        ),
      ),
    ),
  )
}
