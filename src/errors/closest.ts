/** Edit distance, used only to suggest a valid name when the user typed an unknown one. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return previous[b.length]
}

/** The candidate closest to `name`, or undefined when none is close enough to be a plausible typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  const lower = name.toLowerCase()
  for (const candidate of candidates) {
    // The distance is at least the difference in length, so a name much longer than a candidate
    // can never be its typo: skipping it keeps a megabyte-long unknown name from costing seconds.
    if (Math.abs(lower.length - candidate.length) > acceptable(candidate)) continue
    const score = distance(lower, candidate.toLowerCase())
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  if (best === undefined) return undefined
  return bestScore <= acceptable(best) ? best : undefined
}

/** How many edits still read as a typo of `candidate`. */
const acceptable = (candidate: string): number => Math.max(2, Math.floor(candidate.length / 3))

/** A hint sentence: "did you mean x?" when one is close, else the list of valid names. */
export function suggest(name: string, candidates: Iterable<string>, noun = "valid names"): string {
  const list = [...candidates]
  const near = closest(name, list)
  const shown = list.length > 20 ? `${list.slice(0, 20).join(", ")}, …` : list.join(", ")
  return near ? `did you mean "${near}"? ${noun}: ${shown}` : `${noun}: ${shown || "(none)"}`
}
