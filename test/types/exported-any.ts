/**
 * Finds `any` in what a package's entry points export, as a consumer sees it: the declarations tsc
 * emits for them. Emitted declarations spell every type out (an inferred `any` is written `any`, a
 * recursive type cut short is written `/*elided*\/ any`), so the search is over syntax: from each
 * entry's exports, every declaration reached through a name (type reference, `typeof`, `import()`
 * type, `extends`) is walked, and an `any` keyword, or a parameter, property, variable or
 * signature left without a type (an implicit `any` in a .d.ts), is reported with where it is.
 * Private members are skipped (a .d.ts gives them no type and a consumer cannot reach them), and
 * so are declarations outside the emitted files (Node's and the drivers' own types).
 */
import { join, relative } from "node:path"
import ts from "typescript"
import { formatDiagnostics, memoryHost, repoCompilerOptions } from "../support/compiler.ts"

export interface ExportedAny {
  /** Emitted file, relative to the declarations' root, and 1-based line. */
  file: string
  line: number
  /** The exported name whose declarations led here, and the declaration holding the `any`. */
  via: string
  declaration: string
  text: string
}

/** Emits the declarations of `entries` (source paths) in memory, under `outDir`. */
export function emitDeclarations(
  entries: readonly string[],
  options: ts.CompilerOptions,
  rootDir: string,
  outDir: string,
  memory: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const emitOptions: ts.CompilerOptions = {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    rootDir,
    outDir,
  }
  const program = ts.createProgram(entries, emitOptions, memoryHost(emitOptions, memory))
  const errors = ts.getPreEmitDiagnostics(program)
  if (errors.length > 0) throw new Error(`the sources do not type-check:\n${formatDiagnostics(errors)}`)
  const files = new Map<string, string>()
  const result = program.emit(undefined, (path, text) => files.set(path, text), undefined, true)
  if (result.diagnostics.length > 0) throw new Error(formatDiagnostics(result.diagnostics))
  return files
}

/** `Owner.member` of the nearest named declarations around `node`, for the report. */
function declarationName(node: ts.Node): string {
  const names: string[] = []
  for (let at: ts.Node | undefined = node; at && names.length < 2; at = at.parent) {
    const name = (at as { name?: ts.Node }).name
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.unshift(name.text)
  }
  return names.join(".") || "(file)"
}

function isPrivate(node: ts.Node): boolean {
  const name = (node as { name?: ts.Node }).name
  if (name && ts.isPrivateIdentifier(name)) return true
  return ts.canHaveModifiers(node)
    ? (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)
    : false
}

/** A node that would be `any` because the .d.ts gives it no type. */
function untyped(node: ts.Node): boolean {
  if (ts.isParameter(node)) return !node.type && !ts.isThisTypeNode(node as never)
  // `readonly x = true` / `const x = 1`: a literal initializer is the type.
  if (ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) return !node.type && !node.initializer
  if (ts.isPropertySignature(node)) return !node.type
  if (ts.isMethodSignature(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node))
    return !node.type
  if (ts.isGetAccessorDeclaration(node) || ts.isCallSignatureDeclaration(node)) return !node.type
  if (ts.isIndexSignatureDeclaration(node)) return !node.type
  return false
}

/**
 * Every `any` reachable from the exports of `entries` (paths of emitted .d.ts files in `files`).
 * `root` is the folder the reported paths are relative to; it must sit where the emitted files'
 * own imports resolve (inside the repository, so `pg` and `@types/node` are found).
 */
export function findExportedAny(
  files: ReadonlyMap<string, string>,
  entries: readonly string[],
  options: ts.CompilerOptions,
  root: string,
): ExportedAny[] {
  const checkOptions: ts.CompilerOptions = {
    ...options,
    noEmit: true,
    skipLibCheck: false,
    declaration: false,
  }
  const program = ts.createProgram([...files.keys()], checkOptions, memoryHost(checkOptions, files))
  const ours = (file: ts.SourceFile) => files.has(file.fileName)
  // An import that does not resolve would make its names `any` without an `any` in the text.
  const errors = program
    .getSourceFiles()
    .filter(ours)
    .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])
  if (errors.length > 0)
    throw new Error(`the emitted declarations do not check:\n${formatDiagnostics(errors)}`)

  const checker = program.getTypeChecker()
  const found: ExportedAny[] = []
  const seen = new Set<ts.Node>()
  const queue: { node: ts.Node; via: string }[] = []
  const enqueue = (symbol: ts.Symbol | undefined, via: string) => {
    if (!symbol) return
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    for (const declaration of target.declarations ?? []) {
      if (!ours(declaration.getSourceFile()) || seen.has(declaration)) continue
      seen.add(declaration)
      queue.push({ node: declaration, via })
    }
  }

  for (const entry of entries) {
    const file = program.getSourceFile(entry)
    if (!file) throw new Error(`no declarations emitted for ${entry}`)
    const moduleSymbol = checker.getSymbolAtLocation(file)
    if (!moduleSymbol) throw new Error(`${entry} is not a module`)
    const exported = checker.getExportsOfModule(moduleSymbol)
    if (exported.length === 0) throw new Error(`${entry} exports nothing`)
    for (const symbol of exported) enqueue(symbol, `${relative(root, entry)}: ${symbol.name}`)
  }

  const reported = new Set<ts.Node>()
  const report = (node: ts.Node, via: string) => {
    if (reported.has(node)) return
    reported.add(node)
    const file = node.getSourceFile()
    found.push({
      file: relative(root, file.fileName),
      line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      via,
      declaration: declarationName(node),
      text: node.getText().slice(0, 160),
    })
  }

  const walk = (node: ts.Node, via: string): void => {
    if (isPrivate(node)) return
    if (node.kind === ts.SyntaxKind.AnyKeyword) report(node, via)
    else if (untyped(node)) report(node, via)
    if (ts.isIdentifier(node)) enqueue(checker.getSymbolAtLocation(node), via)
    else if (ts.isImportTypeNode(node)) {
      const type = checker.getTypeFromTypeNode(node)
      enqueue(type.aliasSymbol ?? type.getSymbol(), via)
    }
    ts.forEachChild(node, (child) => walk(child, via))
  }

  for (let next = queue.shift(); next; next = queue.shift()) walk(next.node, next.via)
  return found
}

/** `src/x/y.ts` → its emitted `.d.ts` under `outDir`. */
export function declarationPath(source: string, rootDir: string, outDir: string): string {
  return join(outDir, relative(rootDir, source).replace(/\.ts$/, ".d.ts"))
}

/**
 * `emitDeclarations` then `findExportedAny`, with plain arguments (for `inChild`): `sources` are
 * in-memory source files (path, text), `entries` the sources whose exports are searched.
 */
export function exportedAnyOf(
  entries: string[],
  rootDir: string,
  outDir: string,
  sources: [string, string][] = [],
): ExportedAny[] {
  const options = repoCompilerOptions()
  const files = emitDeclarations(entries, options, rootDir, outDir, new Map(sources))
  const emitted = entries.map((entry) => declarationPath(entry, rootDir, outDir))
  return findExportedAny(files, emitted, options, outDir)
}

/** `findExportedAny` over declaration files given as text (path, text), for `inChild`. */
export function exportedAnyOfDeclarations(
  files: [string, string][],
  entries: string[],
  root: string,
): ExportedAny[] {
  return findExportedAny(new Map(files), entries, { ...repoCompilerOptions(), noImplicitAny: false }, root)
}
