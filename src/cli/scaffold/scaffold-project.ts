import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { basename, join } from "node:path"
import { fileURLToPath } from "node:url"
import { MODLINK_ROOT, modlinkDependency } from "./modlink-dependency.ts"

const TEMPLATE = fileURLToPath(new URL("./template", import.meta.url))

/** Entries a folder may already hold and still count as empty: a fresh `git init`. */
const ALLOWED = new Set([".git"])

/** What is in the way of scaffolding into `dir` (empty list: nothing). */
export function blockingEntries(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter((name) => !ALLOWED.has(name))
}

/** A package name npm accepts, from the folder name. */
function packageName(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9-._~]/g, "-")
    .replace(/^[-._]+/, "")
  return name || "modlink-app"
}

/**
 * `typescript` for `npm run typecheck`, and Node's types (the project's TypeScript reads modlink's,
 * which use them), at the versions modlink itself is checked with.
 */
function typeCheckerDependencies(): Record<string, string> {
  const own = JSON.parse(readFileSync(join(MODLINK_ROOT, "package.json"), "utf8"))
  return { "@types/node": own.devDependencies["@types/node"], typescript: own.devDependencies.typescript }
}

function packageJson(dir: string): string {
  const pkg = {
    name: packageName(dir),
    private: true,
    type: "module",
    scripts: {
      "db:migrate": "modlink db:migrate",
      "db:sync-links": "modlink db:sync-links",
      seed: "modlink exec ./src/scripts/seed.ts",
      links: "modlink links",
      typecheck: "tsc --noEmit",
    },
    dependencies: { modlink: modlinkDependency() },
    devDependencies: typeCheckerDependencies(),
  }
  return `${JSON.stringify(pkg, null, 2)}\n`
}

/**
 * Writes a new project into `dir` (created if missing): the template files, `.gitignore` (stored
 * as `gitignore`, since npm strips dotfiles named .gitignore from packages) and a package.json.
 * Returns the files written, relative to `dir`.
 */
export function scaffoldProject(dir: string): string[] {
  mkdirSync(dir, { recursive: true })
  cpSync(TEMPLATE, dir, { recursive: true })
  renameSync(join(dir, "gitignore"), join(dir, ".gitignore"))
  const readme = join(dir, "README.md")
  writeFileSync(
    readme,
    readFileSync(readme, "utf8")
      .replaceAll("__NAME__", packageName(dir))
      .replaceAll("__DOCS__", join(MODLINK_ROOT, "docs", "concepts.md")),
  )
  writeFileSync(join(dir, "package.json"), packageJson(dir))
  return listFiles(dir)
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => entry.name !== ".git")
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name
      return entry.isDirectory() ? listFiles(dir, path) : [path]
    })
    .sort()
}
