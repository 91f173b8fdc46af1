/**
 * Wheel zooms about the pointer, dragging the background pans; both only change the transform
 * of one `<g>`, so the laid-out graph is never recomputed.
 */
export interface ZoomPan {
  fit(): void
  zoomBy(factor: number): void
}

export function zoomPan(
  svg: SVGSVGElement,
  layer: SVGGElement,
  content: { width: number; height: number },
): ZoomPan {
  let scale = 1
  let x = 0
  let y = 0
  const apply = () => layer.setAttribute("transform", `translate(${x} ${y}) scale(${scale})`)
  const zoomAt = (factor: number, px: number, py: number) => {
    const next = Math.min(4, Math.max(0.15, scale * factor))
    x = px - ((px - x) * next) / scale
    y = py - ((py - y) * next) / scale
    scale = next
    apply()
  }
  svg.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault()
      const rect = svg.getBoundingClientRect()
      zoomAt(event.deltaY < 0 ? 1.12 : 1 / 1.12, event.clientX - rect.left, event.clientY - rect.top)
    },
    { passive: false },
  )
  let drag: { startX: number; startY: number; x: number; y: number } | undefined
  svg.addEventListener("pointerdown", (event) => {
    if ((event.target as Element).closest("[data-clickable]")) return
    drag = { startX: event.clientX, startY: event.clientY, x, y }
    svg.setPointerCapture(event.pointerId)
    svg.classList.add("panning")
  })
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return
    x = drag.x + event.clientX - drag.startX
    y = drag.y + event.clientY - drag.startY
    apply()
  })
  const stop = () => {
    drag = undefined
    svg.classList.remove("panning")
  }
  svg.addEventListener("pointerup", stop)
  svg.addEventListener("pointercancel", stop)
  return {
    fit() {
      const rect = svg.getBoundingClientRect()
      scale = Math.min(1.5, rect.width / content.width, rect.height / content.height) * 0.97
      x = (rect.width - content.width * scale) / 2
      y = (rect.height - content.height * scale) / 2
      apply()
    },
    zoomBy(factor) {
      const rect = svg.getBoundingClientRect()
      zoomAt(factor, rect.width / 2, rect.height / 2)
    },
  }
}
