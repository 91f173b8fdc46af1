/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser: DOM types for them.
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { App } from "../../src/app/index.ts"
import { type Studio, startStudio } from "../../src/studio/server/start-studio.ts"
import { backendKinds, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { createProject, type Project } from "../support/project.ts"
import { startApp } from "../support/start-app.ts"
import { browserPage, screenshot } from "./browser.ts"
import { MANY_LINKS, manyLinksProject } from "./many-links-project.ts"

const kind = backendKinds.includes("postgres") ? "postgres" : "pglite"

interface Box {
  id: string
  x: number
  y: number
  width: number
  height: number
}

/** What the page drew, in the graph's own coordinates (getBBox: independent of zoom and pan). */
interface Drawn {
  models: Box[]
  modules: Box[]
  labels: (Box & { text: Box[] })[]
  modelTexts: (Box & { text: Box[] })[]
  edges: { id: string; ends: string[]; points: { x: number; y: number }[] }[]
  /** Screen pixels per graph unit after `fit`. */
  scale: number
}

const overlap = (a: Box, b: Box, margin = 0) =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5

/** Pairs of boxes of one list that overlap, by id. */
function overlaps(boxes: Box[], margin = 0): string[] {
  const found: string[] = []
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (overlap(a, b, margin)) found.push(`${a.id} × ${b.id}`)
  })
  return found
}

/** Does the segment p→q cross the box (shrunk by `inset`, so touching a border does not count)? */
function crosses(p: { x: number; y: number }, q: { x: number; y: number }, box: Box, inset = 2): boolean {
  const [left, right] = [box.x + inset, box.x + box.width - inset]
  const [top, bottom] = [box.y + inset, box.y + box.height - inset]
  // Liang–Barsky clipping: the part of the segment within the box is non-empty.
  let t0 = 0
  let t1 = 1
  const dx = q.x - p.x
  const dy = q.y - p.y
  for (const [pk, qk] of [
    [-dx, p.x - left],
    [dx, right - p.x],
    [-dy, p.y - top],
    [dy, bottom - p.y],
  ]) {
    if (pk === 0) {
      if (qk < 0) return false
      continue
    }
    const t = qk / pk
    if (pk < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

describe(`studio graph with ${MANY_LINKS} links [${kind}]`, () => {
  let project: Project
  let database: FreshDatabase
  let app: App
  let studio: Studio
  const browser = browserPage()
  beforeAll(async () => {
    project = createProject(manyLinksProject())
    database = await freshDatabase(kind)
    app = await startApp(project.dir, database.url)
    studio = await startStudio({ app })
  })
  afterAll(async () => {
    await studio?.close()
    await app?.close()
    await database?.drop()
    project?.cleanup()
  })

  test("every model and link is drawn, and no two boxes or labels overlap", async () => {
    expect(app.links).toHaveLength(MANY_LINKS)
    const page = browser.page()
    await page.goto(`${studio.url}#/graph`)
    await page.waitForSelector("[data-testid=graph] .model")
    const drawn: Drawn = await page.evaluate(() => {
      const box = (el: Element, id: string) => {
        const b = (el as SVGGraphicsElement).getBBox()
        return { id, x: b.x, y: b.y, width: b.width, height: b.height }
      }
      const idOf = (el: Element) => el.closest("[data-testid]")!.getAttribute("data-testid")!
      const withText = (group: Element, rect: Element) => ({
        ...box(rect, idOf(group)),
        text: [...group.querySelectorAll("text")].map((t) => box(t, t.textContent ?? "")),
      })
      const layer = document.querySelector<SVGGElement>("[data-testid=graph] > g")!
      const edges = [...document.querySelectorAll(".edge")]
      return {
        models: [...document.querySelectorAll(".model rect")].map((r) => box(r, idOf(r))),
        modules: [...document.querySelectorAll(".module rect")].map((r) => box(r, idOf(r))),
        labels: edges.map((e) => withText(e, e.querySelector(".label-box")!)),
        modelTexts: [...document.querySelectorAll(".model")].map((m) =>
          withText(m, m.querySelector("rect")!),
        ),
        edges: edges.map((e) => {
          const line = e.querySelector(".line") as SVGPathElement
          const points = (line.getAttribute("d") ?? "")
            .split(/[ML]\s*/)
            .filter(Boolean)
            .map((p) => {
              const [x, y] = p.trim().split(",").map(Number)
              return { x, y }
            })
          return { id: idOf(e), ends: (e.getAttribute("data-ends") ?? "").split(" "), points }
        }),
        scale: layer.getScreenCTM()!.a,
      }
    })
    expect(drawn.edges.filter((e) => e.id.startsWith("link-"))).toHaveLength(MANY_LINKS)
    expect(drawn.models).toHaveLength(app.graph.entities.size - MANY_LINKS)
    await screenshot(page, "graph-50-links")
    // Compact labels on the edges; the whole label (table, rows) in each link's tooltip.
    const [first] = app.links
    const tooltip = await page.textContent(`[data-testid=link-${first.entryPoint}] > title`)
    expect(tooltip).toContain(first.table)
    expect(tooltip).toContain("0 rows")

    // Nothing drawn on top of anything else: models, modules (groups), edge labels.
    expect(overlaps(drawn.models, 4)).toEqual([])
    expect(overlaps(drawn.modules)).toEqual([])
    expect(overlaps(drawn.labels, 2)).toEqual([])
    const labelOnModel = drawn.labels.flatMap((l) =>
      drawn.models.filter((m) => overlap(l, m)).map((m) => `${l.id} × ${m.id}`),
    )
    expect(labelOnModel).toEqual([])
    // Every text fits its box as the browser measured it (the layout sizes boxes from the text).
    for (const group of [...drawn.labels, ...drawn.modelTexts]) {
      for (const text of group.text) expect(inside(text, group), `"${text.id}" in ${group.id}`).toBe(true)
    }
    // No edge runs through a model it does not join.
    const through = drawn.edges.flatMap((edge) =>
      drawn.models
        .filter((m) => !edge.ends.includes(m.id))
        .filter((m) => edge.points.some((p, i) => i > 0 && crosses(edge.points[i - 1], p, m)))
        .map((m) => `${edge.id} through ${m.id}`),
    )
    expect(through).toEqual([])
  })
})
