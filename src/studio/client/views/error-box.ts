import { ApiError } from "../../api/api-error.ts"
import { h } from "../dom.ts"

/** Shown in place of data that could not load: the API's message and its hint. */
export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error)
  const hint = error instanceof ApiError ? error.hint : undefined
  return h(
    "div",
    { class: "error", "data-testid": "error" },
    h("strong", null, message),
    hint && h("div", null, `hint: ${hint}`),
  )
}
