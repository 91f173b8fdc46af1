import { readFileSync } from "node:fs"
import { ModlinkError } from "../errors/index.ts"
import { configFileIn } from "./config-files.ts"

/**
 * Environment variables the project's config reads that are not set. A config's values are already
 * evaluated when modlink sees them (`process.env.BLOG_DATABASE_URL` arrives as undefined), so the
 * variable's name can only come from the config's text.
 */
function unsetVariables(cwd: string): string[] {
  const file = configFileIn(cwd)
  if (!file) return []
  const text = readFileSync(file, "utf8")
  const names = [...text.matchAll(/process\.env(?:\.([A-Za-z_]\w*)|\[\s*["'`]([^"'`]+)["'`]\s*\])/g)].map(
    (m) => m[1] ?? m[2],
  )
  return [...new Set(names)].filter((name) => !process.env[name])
}

/**
 * A module entry that names `databaseUrl` but holds nothing would silently put the module on the
 * main database; it is a configuration error naming the variable that was meant to fill it.
 */
export function checkModuleDatabaseUrl(module: string, entry: object, cwd: string): string | undefined {
  if (!("databaseUrl" in entry)) return undefined
  const url = (entry as { databaseUrl?: unknown }).databaseUrl
  if (typeof url === "string" && url.trim() !== "") return url
  const unset = unsetVariables(cwd)
  const cause =
    unset.length === 1
      ? `the environment variable ${unset[0]} is not set`
      : unset.length > 1
        ? `these environment variables are not set: ${unset.join(", ")}`
        : "the environment variable behind it is probably not set"
  throw new ModlinkError(
    "INVALID_CONFIG",
    `Module "${module}" has a databaseUrl that resolves to nothing: ${cause}`,
    {
      hint: `set it (e.g. ${unset[0] ?? "BLOG_DATABASE_URL"}=postgres://localhost:5432/${module}), or remove databaseUrl to keep the module on the main database`,
      details: { module, unsetVariables: unset },
    },
  )
}
