/**
 * Type-checks the guide's TypeScript as the reader's editor would: the project a page has built so
 * far (its ```ts title="…"``` files, what `modlink init`, `demo` or `db:pull` wrote, and the
 * `modlink-env.d.ts` its commands refreshed), with a ```ts run``` block as the exec script
 * `execScript` wraps it in. The runner takes a snapshot of the project after each block that
 * changed it has run (`snapshotProject`), and checks each snapshot in memory (`checkSnapshot`):
 * `modlink` and `modlink/product` resolve to this checkout's sources, imports resolve as a bundler
 * (or jiti, which loads them) does. Errors name the page and the line of the block.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import ts from "typescript"
import { REPO } from "../cli/run-cli.ts"
import { formatDiagnostics, memoryHost, repoCompilerOptions } from "../support/compiler.ts"

/** Where a checked file's lines come from in the page. */
export interface BlockOrigin {
  /** Line of the opening fence. */
  fence: number
  /** The file's line → the block's line (1-based), or undefined for a line the runner added. */
  blockLine(fileLine: number): number | undefined
}

export interface Snapshot {
  /** Absolute path → text: the project's TypeScript files and its modlink-env.d.ts. */
  files: Map<string, string>
  /** Files written from a block, as the page wrote them. */
  origins: Map<string, BlockOrigin>
}

/** Folders of a project that hold no source of the project's own. */
const SKIPPED = new Set(["node_modules", ".modlink", ".docs-test", ".git"])

function sourceFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(path, root)
    const isSource =
      entry.name.endsWith(".ts") && (!entry.name.endsWith(".d.ts") || entry.name === "modlink-env.d.ts")
    return isSource ? [path] : []
  })
}

/**
 * The project in `dir` as it is now, plus `extra` files (a run block's script). `written` maps the
 * files blocks wrote to their text and origin: a file still holding that text points back to it.
 */
export function snapshotProject(
  dir: string,
  written: ReadonlyMap<string, { code: string; origin: BlockOrigin }>,
  extra: ReadonlyMap<string, { code: string; origin: BlockOrigin }> = new Map(),
): Snapshot {
  const files = new Map<string, string>()
  const origins = new Map<string, BlockOrigin>()
  for (const path of sourceFiles(dir)) {
    const text = readFileSync(path, "utf8")
    files.set(path, text)
    const block = written.get(path)
    if (block && block.code === text) origins.set(path, block.origin)
  }
  for (const [path, { code, origin }] of extra) {
    files.set(path, code)
    origins.set(path, origin)
  }
  return { files, origins }
}

const options = repoCompilerOptions({
  noEmit: true,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  paths: {
    modlink: [join(REPO, "src", "index.ts")],
    "modlink/product": [join(REPO, "src", "modules", "product", "index.ts")],
  },
})

/**
 * The type errors of the snapshot's files that blocks wrote (and still hold what the block says),
 * each as `docs/page.md:line`. The rest of the project is in the program, as the editor sees it,
 * but its own errors are not the page's: what `init` writes is checked by `init.test.ts`.
 */
export function checkSnapshot(page: string, snapshot: Snapshot): string[] {
  const program = ts.createProgram([...snapshot.files.keys()], options, memoryHost(options, snapshot.files))
  const errors: string[] = []
  for (const [path, origin] of snapshot.origins) {
    const file = program.getSourceFile(path)
    if (!file) throw new Error(`${path} is not in the program`)
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
    for (const diagnostic of diagnostics) errors.push(locate(page, origin, diagnostic))
  }
  return errors
}

function locate(page: string, origin: BlockOrigin, diagnostic: ts.Diagnostic): string {
  const file = diagnostic.file!
  const line = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1
  const message = formatDiagnostics([{ ...diagnostic, file: undefined }]).trim()
  const code = file.text.split("\n")[line - 1]?.trim() ?? ""
  const blockLine = origin.blockLine(line)
  const where =
    blockLine === undefined
      ? `docs/${page}: the script around the block at line ${origin.fence}, line ${line}`
      : `docs/${page}:${origin.fence + blockLine}`
  return `${where}: ${message}\n    ${code}`
}
