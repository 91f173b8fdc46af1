import { h } from "../dom.ts"
import type { Schema } from "../schema.ts"

/**
 * Completion for a comma-separated list of field paths: the segment under the cursor is
 * completed against the entity's fields and edges (`post.` then the post's fields).
 */
export function attachFieldCompletion(
  input: HTMLInputElement,
  schema: Schema,
  entity: () => string,
): HTMLElement {
  const menu = h("ul", { class: "completion", "data-testid": "completion", hidden: true })
  let active = 0
  let items: string[] = []
  const segment = () => {
    const before = input.value.slice(0, input.selectionStart ?? input.value.length)
    const afterComma = before.lastIndexOf(",") + 1
    const text = before.slice(afterComma).trimStart()
    return { start: before.length - text.length, text }
  }
  const accept = (choice: string) => {
    const { start } = segment()
    const end = input.value.indexOf(",", input.selectionStart ?? input.value.length)
    const tail = end === -1 ? "" : input.value.slice(end)
    input.value = `${input.value.slice(0, start)}${choice}${tail}`
    const caret = start + choice.length
    input.setSelectionRange(caret, caret)
    input.focus()
    if (choice.endsWith(".")) show()
    else menu.hidden = true
  }
  const show = () => {
    items = schema.complete(entity(), segment().text).slice(0, 14)
    active = 0
    menu.replaceChildren(
      ...items.map((item, i) =>
        h(
          "li",
          {
            class: i === active ? "active" : "",
            onmousedown: (e: Event) => {
              e.preventDefault()
              accept(item)
            },
          },
          item,
        ),
      ),
    )
    menu.hidden = items.length === 0
  }
  input.addEventListener("input", show)
  input.addEventListener("focus", show)
  input.addEventListener("blur", () => (menu.hidden = true))
  input.addEventListener("keydown", (event) => {
    if (menu.hidden || items.length === 0) return
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault()
      active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length
      for (const [i, li] of [...menu.querySelectorAll("li")].entries())
        li.classList.toggle("active", i === active)
    } else if (event.key === "Tab" || event.key === "Enter") {
      event.preventDefault()
      accept(items[active])
    } else if (event.key === "Escape") menu.hidden = true
  })
  return menu
}
