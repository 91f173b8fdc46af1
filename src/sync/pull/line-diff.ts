/**
 * The lines that differ between two texts, as `-`/`+` lines around two lines of context: what
 * `db:pull` shows instead of overwriting a file the user may have edited. A longest common
 * subsequence over lines, fine for files of a few hundred lines.
 */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split("\n")
  const b = after.split("\n")
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  )
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1])
    }
  }
  const marked: [" " | "-" | "+", string][] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      marked.push([" ", a[i]])
      i++
      j++
    } else if (i < a.length && (j === b.length || common[i + 1][j] >= common[i][j + 1])) {
      marked.push(["-", a[i++]])
    } else {
      marked.push(["+", b[j++]])
    }
  }
  const near = (k: number) => marked.slice(Math.max(0, k - 2), k + 3).some(([mark]) => mark !== " ")
  return marked.flatMap(([mark, line], k) => (mark !== " " || near(k) ? [`${mark} ${line}`] : []))
}
