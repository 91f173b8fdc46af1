/**
 * Every code block of the guide (docs/*.md) runs here, so the docs cannot rot. Each page runs in
 * a fresh empty folder, on the embedded database (DATABASE_URL removed), its blocks in order:
 *
 * - ```ts title="src/links/product-post.ts"```  the file is written (replaced) at that path,
 *   relative to the current folder.
 * - ```ts run```  statements run by `modlink exec` in the current folder, as the body of
 *   `export default async function ({ container, args }: ExecArgs)` with `query` and `link`
 *   already resolved; `import` lines at the top stay above the function.
 * - ```bash```  each line runs: `npx modlink …` / `modlink …` as `node bin/modlink-dev.js …`,
 *   `cd <dir>` changes the current folder, `npm install` runs npm. Every command must exit 0;
 *   ```bash fails``` expects exit 1 (a user error) from each, ```bash exit=3``` exit 3 (work left).
 * - ```text output```  each non-empty line must appear in what the previous block printed
 *   (stdout and stderr, colours removed, runs of spaces collapsed).
 * - A page sets environment variables with `<!-- docs-test env NAME=value -->` (`{tmp}` is the
 *   page's temp folder). Any other block is an error: tag it, or it is not in the guide.
 *
 * Every TypeScript block also type-checks (`type-check.ts`): after the commands that follow a file
 * block, and after each run block, the project as the page has built it is checked with the
 * `modlink-env.d.ts` those commands refreshed, strict, as the reader's editor would check it. No
 * block is exempt: a block too partial to check is written as a whole file or a whole script.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { describe, it } from "vitest"
import { type CliResult, REPO, runCli, runProcess, show } from "../cli/run-cli.ts"
import {
  type CodeBlock,
  codeBlocks,
  execScript,
  normalizeOutput,
  pageEnv,
  shellCommands,
  shellWords,
} from "./code-blocks.ts"
import { type BlockOrigin, checkSnapshot, snapshotProject } from "./type-check.ts"

const DOCS = join(REPO, "docs")
const pages = readdirSync(DOCS)
  .filter((f) => f.endsWith(".md"))
  .sort()

class PageRun {
  cwd: string
  last: CliResult | undefined
  private runs = 0
  /** Files written from ```ts title``` blocks, for pointing a type error back at its block. */
  private readonly written = new Map<string, { code: string; origin: BlockOrigin }>()
  /** A file block was written since the last type check. */
  private unchecked = false
  readonly typeErrors = new Set<string>()

  constructor(
    readonly page: string,
    readonly root: string,
    readonly env: Record<string, string>,
  ) {
    this.cwd = root
  }

  fail(block: CodeBlock, message: string, result?: CliResult): never {
    throw new Error(`docs/${this.page}:${block.line}: ${message}${result ? `\n${show(result)}` : ""}`)
  }

  async shell(block: Extract<CodeBlock, { kind: "shell" }>): Promise<void> {
    let printed = ""
    for (const command of shellCommands(block.code)) {
      const [program, ...args] = shellWords(command)
      let result: CliResult
      if (program === "cd") {
        this.cwd = resolve(this.cwd, args[0])
        continue
      } else if (program === "npx" && args[0] === "modlink") {
        result = await runCli(args.slice(1), { cwd: this.cwd, env: this.env })
      } else if (program === "modlink") {
        result = await runCli(args, { cwd: this.cwd, env: this.env })
      } else if (program === "npm" && args[0] === "install") {
        result = await runProcess("npm", ["install", "--offline", "--no-audit", "--no-fund"], {
          cwd: this.cwd,
        })
      } else {
        this.fail(block, `the docs test does not run "${command}": use modlink, cd or npm install`)
      }
      printed += result.stdout + result.stderr
      const expected = block.exit
      if (result.code !== expected)
        this.fail(block, `\`${command}\` exited ${result.code}, expected ${expected}`, result)
    }
    this.last = { code: 0, stdout: printed, stderr: "" }
    // The commands refreshed modlink-env.d.ts: check the files written before them.
    if (this.unchecked) this.typeCheck()
  }

  /** Type-checks the project in the current folder as it is now, with `extra` files (a run block). */
  typeCheck(extra: ReadonlyMap<string, { code: string; origin: BlockOrigin }> = new Map()): void {
    const snapshot = snapshotProject(this.cwd, this.written, extra)
    for (const error of checkSnapshot(this.page, snapshot)) this.typeErrors.add(error)
    this.unchecked = false
  }

  /** After the last block: files written since the last command are checked with fresh types. */
  async finish(): Promise<void> {
    if (!this.unchecked) return
    await runCli(["types"], { cwd: this.cwd, env: this.env })
    this.typeCheck()
  }

  async run(block: Extract<CodeBlock, { kind: "run" }>): Promise<void> {
    const file = join(this.cwd, ".docs-test", `block-${++this.runs}.ts`)
    mkdirSync(dirname(file), { recursive: true })
    const script = execScript(block.code)
    writeFileSync(file, script.text)
    const result = await runCli(["exec", file], { cwd: this.cwd, env: this.env })
    if (result.code !== 0) this.fail(block, "the snippet failed", result)
    this.last = result
    this.typeCheck(
      new Map([[file, { code: script.text, origin: { fence: block.line, blockLine: script.blockLine } }]]),
    )
  }

  output(block: Extract<CodeBlock, { kind: "output" }>): void {
    if (!this.last) this.fail(block, "an output block must follow a bash or ts run block")
    const printed = normalizeOutput(this.last.stdout + this.last.stderr)
    for (const line of normalizeOutput(block.code).split("\n").filter(Boolean)) {
      if (!printed.includes(line)) this.fail(block, `expected the output to contain:\n  ${line}`, this.last)
    }
  }

  async block(block: CodeBlock): Promise<void> {
    if (block.kind === "file") {
      const path = join(this.cwd, block.path)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, block.code)
      this.written.set(path, { code: block.code, origin: { fence: block.line, blockLine: (line) => line } })
      this.unchecked = true
      this.last = undefined
    } else if (block.kind === "shell") await this.shell(block)
    else if (block.kind === "run") await this.run(block)
    else this.output(block)
  }
}

describe.concurrent("the guide's code blocks run and type-check", () => {
  for (const page of pages) {
    it(`docs/${page}`, { timeout: 600_000 }, async () => {
      const markdown = readFileSync(join(DOCS, page), "utf8")
      const blocks = codeBlocks(markdown, `docs/${page}`)
      const root = mkdtempSync(join(tmpdir(), `modlink-docs-${page.replace(/\.md$/, "")}-`))
      try {
        const run = new PageRun(page, root, pageEnv(markdown, root))
        for (const block of blocks) await run.block(block)
        await run.finish()
        if (run.typeErrors.size > 0) {
          throw new Error(`docs/${page}: TypeScript errors\n${[...run.typeErrors].join("\n")}`)
        }
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    })
  }
})
