/**
 * The fenced code blocks of a guide page, read with the convention described in
 * guide.test.ts. Plain data: the runner decides what to do with each kind.
 */
export type CodeBlock =
  /** ```ts title="src/links/x.ts"``` — written into the project. */
  | { kind: "file"; line: number; path: string; code: string }
  /** ```ts run``` — statements run by `modlink exec` with container, query and link in scope. */
  | { kind: "run"; line: number; code: string }
  /**
   * ```bash``` — modlink commands (and cd, npm install) run in the project; `fails` expects exit 1,
   * `exit=3` that exit code (changes left unapplied, something pending).
   */
  | { kind: "shell"; line: number; code: string; fails: boolean; exit: number }
  /** ```text output``` — lines the previous block must have printed. */
  | { kind: "output"; line: number; code: string }

const FENCE = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length
}

/** Every fenced block of `markdown`; a block no convention covers is an error naming its line. */
export function codeBlocks(markdown: string, page: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  for (const match of markdown.matchAll(FENCE)) {
    const info = match[1].trim()
    const code = match[2]
    const line = lineOf(markdown, match.index)
    const [lang, ...rest] = info.split(/\s+/)
    const attrs = rest.join(" ")
    const title = attrs.match(/title="([^"]+)"/)?.[1]
    if ((lang === "ts" || lang === "js") && title) blocks.push({ kind: "file", line, path: title, code })
    else if ((lang === "ts" || lang === "js") && /\brun\b/.test(attrs))
      blocks.push({ kind: "run", line, code })
    else if (lang === "bash")
      blocks.push({
        kind: "shell",
        line,
        code,
        fails: /\bfails\b/.test(attrs),
        exit: /\bfails\b/.test(attrs) ? 1 : Number(/\bexit=(\d)\b/.exec(attrs)?.[1] ?? 0),
      })
    else if (lang === "text" && /\boutput\b/.test(attrs)) blocks.push({ kind: "output", line, code })
    else {
      throw new Error(
        `${page}:${line}: code block \`\`\`${info} is not run by the docs test: tag it ts title="…", ts run, bash or text output`,
      )
    }
  }
  return blocks
}

/**
 * A ```ts run``` block as the exec script that runs it: its leading `import` lines stay on top,
 * the rest becomes the body of the default export, typed as modlink passes it (`ExecArgs`), with
 * `query` and `link` resolved. `blockLine` maps a line of the script back to the block.
 */
export function execScript(code: string): { text: string; blockLine(line: number): number | undefined } {
  const lines = code.replace(/\n$/, "").split("\n")
  let head = 0
  while (head < lines.length && (/^import\s/.test(lines[head]) || lines[head].trim() === "")) head++
  const wrapper = [
    'import type { ExecArgs } from "modlink"',
    "export default async function ({ container, args }: ExecArgs) {",
    '  const query = container.resolve("query")',
    '  const link = container.resolve("link")',
  ]
  const text = [...lines.slice(0, head), ...wrapper, ...lines.slice(head).map((l) => `  ${l}`), "}", ""].join(
    "\n",
  )
  const blockLine = (line: number) =>
    line <= head
      ? line
      : line > head + wrapper.length && line <= lines.length + wrapper.length
        ? line - wrapper.length
        : undefined
  return { text, blockLine }
}

/** A page's test settings: `<!-- docs-test env NAME=value -->` comments (`{tmp}` is the page's folder). */
export function pageEnv(markdown: string, tmp: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const match of markdown.matchAll(/<!--\s*docs-test env (\w+)=(\S+)\s*-->/g)) {
    env[match[1]] = match[2].replaceAll("{tmp}", tmp)
  }
  return env
}

/** Splits one shell line into words, honouring single and double quotes (no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = []
  let word = ""
  let quote: string | undefined
  let started = false
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined
      else word += char
    } else if (char === "'" || char === '"') {
      quote = char
      started = true
    } else if (/\s/.test(char)) {
      if (started) words.push(word)
      word = ""
      started = false
    } else {
      word += char
      started = true
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`)
  if (started) words.push(word)
  return words
}

/** The commands of a bash block: comments dropped, `\` continuations joined. */
export function shellCommands(code: string): string[] {
  return code
    .replaceAll(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.replace(/(^|\s)#(?![^'"]*['"]).*$/, "").trim())
    .filter(Boolean)
}

/** Visible text: ANSI codes removed, runs of spaces collapsed, so tables compare by content. */
export function normalizeOutput(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is stripped
      .replaceAll(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .map((line) => line.trim().replaceAll(/\s+/g, " "))
      .join("\n")
  )
}
