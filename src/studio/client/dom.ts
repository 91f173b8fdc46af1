/** Tiny DOM builders: the studio is plain TypeScript over the DOM, no framework to ship. */

export type Child = Node | string | number | null | undefined | false | Child[]
type Attrs = Record<string, unknown>

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child)
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

function setAttrs(element: Element, attrs: Attrs | null | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value as EventListener)
    } else if (name === "value" && "value" in element) {
      ;(element as HTMLInputElement).value = String(value)
    } else {
      element.setAttribute(name, value === true ? "" : String(value))
    }
  }
}

/** `h("button", { class: "primary", onclick }, "Run")` */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  setAttrs(element, attrs)
  append(element, children)
  return element
}

/** The same for SVG elements. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag)
  setAttrs(element, attrs)
  append(element, children)
  return element
}

/** Replaces everything inside `parent`. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

/** A cell's text: objects as compact JSON, long values cut (the record page shows them whole). */
export function cellText(value: unknown, max = 80): string {
  if (value === null || value === undefined) return "—"
  const text = typeof value === "object" ? JSON.stringify(value) : String(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
