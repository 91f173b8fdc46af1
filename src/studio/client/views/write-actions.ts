import { api, type CascadePreview } from "../api.ts"
import { h, mount } from "../dom.ts"
import { type EntityView, labelOf, type Schema } from "../schema.ts"
import { errorBox } from "./error-box.ts"

type Edge = EntityView["edges"][number]

/** The link's own order of sides: `left`/`right` ids for a pair seen from `entity`. */
function pair(schema: Schema, entity: EntityView, edge: Edge, id: string, other: string) {
  const link = schema.view.graph.links.find((l) => l.entryPoint === edge.link)!
  return link.left.model === entity.name ? { left: id, right: other } : { left: other, right: id }
}

/** What a delete takes with it, as the dry run reported it: linked records, then link rows. */
function previewList(entity: EntityView, id: string, preview: CascadePreview): HTMLElement {
  const records = Object.entries(preview.records).flatMap(([module, keys]) =>
    Object.entries(keys).flatMap(([key, ids]) =>
      ids.map((other) => `${module} ${key.replace(/_id$/, "")} ${other}`),
    ),
  )
  const links = Object.entries(preview.links).flatMap(([link, rows]) =>
    rows.map((row) => `${link} ${row.id}`),
  )
  return h(
    "div",
    { "data-testid": "cascade-preview" },
    h("p", null, `Soft-delete ${entity.name} ${id}. The cascade would also soft-delete:`),
    h("h4", null, `${records.length} linked record(s)`),
    h(
      "ul",
      null,
      records.map((r) => h("li", null, r)),
    ),
    h("h4", null, `${links.length} link row(s)`),
    h(
      "ul",
      null,
      links.map((l) => h("li", null, l)),
    ),
  )
}

/** Soft-delete: first the cascade preview (nothing changes), then a confirmation, then the delete. */
export function deleteControls(_schema: Schema, entity: EntityView, id: string): HTMLElement {
  const area = h("div", { class: "write-area" })
  const start = async () => {
    try {
      const preview = await api.previewDelete(entity.name, [id])
      mount(
        area,
        h(
          "div",
          { class: "confirm", role: "dialog" },
          previewList(entity, id, preview),
          h(
            "div",
            { class: "row" },
            h(
              "button",
              { class: "danger", "data-testid": "confirm-delete", onclick: confirm },
              "Soft-delete",
            ),
            h("button", { "data-testid": "cancel-delete", onclick: () => mount(area, button) }, "Cancel"),
          ),
        ),
      )
    } catch (error) {
      mount(area, errorBox(error), button)
    }
  }
  const confirm = async () => {
    try {
      await api.deleteRecords(entity.name, [id])
      // The record page of a deleted record offers the restore.
      window.dispatchEvent(new HashChangeEvent("hashchange"))
    } catch (error) {
      mount(area, errorBox(error), button)
    }
  }
  const button = h("button", { class: "danger", "data-testid": "delete", onclick: start }, "Soft-delete…")
  mount(area, button)
  return area
}

export function restoreControls(
  _schema: Schema,
  entity: EntityView,
  id: string,
  reload: () => void,
): HTMLElement | false {
  if (entity.kind !== "model") return false
  const area = h("div", { class: "write-area" })
  mount(
    area,
    h(
      "button",
      {
        "data-testid": "restore",
        onclick: () =>
          api.restoreRecords(entity.name, [id]).then(reload, (error) => mount(area, errorBox(error))),
      },
      "Restore (with what its cascade removed)",
    ),
  )
  return area
}

export const linkForm = {
  /** Link this record to another record of the edge's target, picked from a list or typed as an id. */
  create(schema: Schema, entity: EntityView, id: string, edge: Edge, reload: () => void): HTMLElement {
    const target = schema.entity(edge.target)!
    const listId = `candidates-${edge.name}`
    const options = h("datalist", { id: listId })
    const input = h("input", {
      list: listId,
      placeholder: `${target.name} id`,
      "data-testid": `link-input-${edge.name}`,
    })
    const status = h("span")
    input.addEventListener(
      "focus",
      () =>
        api.query({ entity: target.name, fields: ["*"], pagination: { take: 50 } }).then(({ data }) =>
          mount(
            options,
            data.map((r) => h("option", { value: String(r[target.key]) }, labelOf(r, target))),
          ),
        ),
      { once: true },
    )
    const submit = async () => {
      try {
        const { left, right } = pair(schema, entity, edge, id, input.value.trim())
        await api.createLink(edge.link!, left, right)
        reload()
      } catch (error) {
        mount(status, errorBox(error))
      }
    }
    return h(
      "div",
      { class: "row link-form" },
      input,
      options,
      h("button", { "data-testid": `link-create-${edge.name}`, onclick: submit }, `Link ${target.name}`),
      status,
    )
  },

  dismissButton(
    schema: Schema,
    entity: EntityView,
    id: string,
    edge: Edge,
    record: Record<string, unknown>,
    reload: () => void,
  ): HTMLElement {
    const target = schema.entity(edge.target)!
    return h(
      "button",
      {
        class: "quiet",
        "data-testid": `dismiss-${edge.name}`,
        title: `dismiss the ${edge.link} link to this record`,
        onclick: async () => {
          const { left, right } = pair(schema, entity, edge, id, String(record[target.key]))
          await api.dismissLink(edge.link!, left, right).catch((error) => alert(error.message))
          reload()
        },
      },
      "dismiss",
    )
  },
}
