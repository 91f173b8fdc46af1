import { isPlainObject } from "../../dml/index.ts"
import { closest, ModlinkError } from "../../errors/index.ts"
import type { ResolvedLink, ResolvedLinkSide, ResolvedTableLink } from "../resolved-link.ts"
import { type LinkGraph, linkableKeyOf } from "./link-graph.ts"
import type { LinkInput } from "./link-input.ts"
import { readId } from "./record-ids.ts"

/** One module entry of an input: `product: { product_id: "prod_1" }`; `key` absent means any. */
interface SideEntry {
  module: string
  key?: string
  value?: unknown
}

/** The link an input addresses, with each entry assigned to the link's left or right side. */
export interface MatchedLink {
  link: ResolvedTableLink
  left?: unknown
  right?: unknown
  /**
   * Set when the same models are also linked in the other direction: the key order of the input
   * chose between the two, and error messages say so.
   */
  directionNote?: string
}

const inputShape = (link: ResolvedLink, order: "forward" | "reverse" = "forward"): string => {
  const sides = order === "forward" ? [link.left, link.right] : [link.right, link.left]
  return `{ ${sides.map((s) => `${s.module}: { ${linkableKeyOf(s)} }`).join(", ")} }`
}

const sideMatches = (side: ResolvedLinkSide, entry: SideEntry): boolean =>
  side.module === entry.module &&
  (entry.key === undefined || entry.key === linkableKeyOf(side) || entry.key === side.key)

function readEntries(input: LinkInput, where: string, keyRequired: boolean, graph: LinkGraph): SideEntry[] {
  if (!isPlainObject(input)) {
    throw new ModlinkError("INVALID_INPUT", `${where} must be an object keyed by module names`, {
      hint: 'e.g. { product: { product_id: "prod_1" }, blog: { post_id: "post_1" } }',
    })
  }
  const entries = Object.entries(input).filter(([name]) => name !== "data")
  if (entries.length > 2) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `${where} names ${entries.length} modules (${entries.map(([m]) => m).join(", ")}); a link joins exactly two`,
      { hint: "split it into one input per pair of modules" },
    )
  }
  if (entries.length < (keyRequired ? 2 : 1)) {
    throw new ModlinkError(
      "INVALID_INPUT",
      `${where} must name ${keyRequired ? "two modules" : "a module"}`,
      {
        hint: 'e.g. { product: { product_id: "prod_1" }, blog: { post_id: "post_1" } }',
      },
    )
  }
  return entries.map(([module, value]) => {
    if (!graph.keysOf(module)) {
      const near = closest(module, graph.modules())
      throw new ModlinkError("INVALID_INPUT", `${where}: no link uses module "${module}"`, {
        hint: `${near ? `did you mean "${near}"? ` : ""}modules with links: ${graph.modules().join(", ") || "(none)"}`,
      })
    }
    if (value === undefined && !keyRequired) return { module }
    const keys = isPlainObject(value) ? Object.keys(value) : []
    if (!isPlainObject(value) || keys.length > 1 || (keyRequired && keys.length === 0)) {
      throw new ModlinkError("INVALID_INPUT", `${where}: ${module} must be { <key>: id }`, {
        hint: `keys of ${module}: ${[...graph.keysOf(module)!.keys()].join(", ")}`,
      })
    }
    return keys.length ? { module, key: keys[0], value: value[keys[0]] } : { module }
  })
}

function notFound(entries: SideEntry[], graph: LinkGraph, where: string): ModlinkError {
  const named = entries.map((e) => e.module)
  const related = graph.links.filter((l) => named.includes(l.left.module) || named.includes(l.right.module))
  const shapes = related.map((l) => `${l.entryPoint} ${inputShape(l)} (${l.file})`)
  const keysOf = (module: string) =>
    new Set(
      related
        .flatMap((l) => [l.left, l.right])
        .flatMap((s) => (s.module === module ? [linkableKeyOf(s)] : [])),
    )
  // Suggest only for a key its module does not have: the valid one of the pair is not the typo.
  const typo = entries
    .map((e) => (e.key && !keysOf(e.module).has(e.key) ? closest(e.key, keysOf(e.module)) : undefined))
    .find((k) => k !== undefined)
  const described = entries.map((e) => (e.key ? `${e.module}.${e.key}` : e.module)).join(" and ")
  return new ModlinkError("INVALID_INPUT", `${where}: no link joins ${described}`, {
    hint: `${typo ? `did you mean "${typo}"? ` : ""}links: ${shapes.join("; ") || "(none)"}`,
  })
}

/**
 * Finds the links an input addresses. Keys may come in either order when only one link joins those
 * models; when the models are linked in both directions, the input's key order picks the link
 * defined in that order (the only signal there is), and `directionNote` records that choice. With
 * one module, or a side given as `{}`, every link that fits matches (only `list` allows that).
 */
export function matchLinks(
  input: LinkInput,
  graph: LinkGraph,
  where: string,
  keyRequired: boolean,
): MatchedLink[] {
  const entries = readEntries(input, where, keyRequired, graph)
  const [first, second] = entries
  const all = graph.links
  const forward = all.filter((l) => sideMatches(l.left, first) && (!second || sideMatches(l.right, second)))
  const reverse = all.filter((l) => sideMatches(l.right, first) && (!second || sideMatches(l.left, second)))
  // The reverse order counts unless the same two models are also linked in the order given.
  const mirrored = (l: ResolvedLink) =>
    forward.some(
      (f) =>
        f.descriptor.fromModule === l.descriptor.toModule &&
        f.descriptor.fromModel === l.descriptor.toModel &&
        f.descriptor.toModule === l.descriptor.fromModule &&
        f.descriptor.toModel === l.descriptor.fromModel,
    )
  const matching = [...forward, ...reverse.filter((l) => !second || !mirrored(l))]
  if (matching.length === 0) throw notFound(entries, graph, where)
  // A read-only link may join the same models as a table link; writes and lists mean the table.
  const candidates = matching.filter((l): l is ResolvedTableLink => !l.readOnly)
  if (candidates.length === 0) {
    const link = matching[0]
    throw new ModlinkError("INVALID_LINK", `${where}: link ${link.entryPoint} (${link.file}) is read-only`, {
      hint: `it has no table: set ${link.left.key} on the ${link.left.model} record instead`,
    })
  }
  const byModule = (side: ResolvedLinkSide) =>
    entries.find((e) => e.module === side.module && sideMatches(side, e))?.value
  return candidates.map((link) => {
    const other = second && keyRequired ? (forward.includes(link) ? reverse[0] : forward[0]) : undefined
    return {
      link,
      left: byModule(link.left),
      right: byModule(link.right),
      directionNote: other
        ? `${inputShape(link, "forward")} picks ${link.entryPoint} (${link.file}); ${inputShape(other, "forward")} picks ${other.entryPoint} (${other.file})`
        : undefined,
    }
  })
}

/** The link and the two ids of a `create` / `dismiss` input, which names exactly one pair. */
export type PairMatch = MatchedLink & { leftId: string; rightId: string }

/** Which link an input shape names, and which of its entries holds each side's id. */
interface ShapeMatch {
  match: MatchedLink
  left: number
  right: number
}

/**
 * `matchPair` for the inputs of one call. Inputs naming the same modules and keys address the same
 * link, so the search over the graph runs once per shape, not once per pair (it was a third of the
 * JavaScript time of a 10,000-pair `link.create`); each input is still read and its ids checked.
 */
export function pairMatcher(graph: LinkGraph): (input: LinkInput, where: string) => PairMatch {
  const shapes = new Map<string, ShapeMatch>()
  return (input, where) => {
    const entries = readEntries(input, where, true, graph)
    const shape =
      entries.length === 2
        ? `${entries[0].module}\0${entries[0].key}\0${entries[1].module}\0${entries[1].key}`
        : ""
    let known = shape ? shapes.get(shape) : undefined
    if (!known) {
      // Both modules and keys are given, which determines the models: one link per direction at most.
      const [match] = matchLinks(input, graph, where, true)
      const index = (side: ResolvedLinkSide) =>
        entries.findIndex((e) => e.module === side.module && sideMatches(side, e))
      known = {
        match: { link: match.link, directionNote: match.directionNote },
        left: index(match.link.left),
        right: index(match.link.right),
      }
      if (shape) shapes.set(shape, known)
    }
    const { match, left, right } = known
    const { link } = match
    return {
      ...match,
      left: entries[left].value,
      right: entries[right].value,
      leftId: readId(entries[left].value, () => `${where}: ${link.left.module}.${entries[left].key}`),
      rightId: readId(entries[right].value, () => `${where}: ${link.right.module}.${entries[right].key}`),
    }
  }
}
