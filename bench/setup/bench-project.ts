import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"

/**
 * The project every benchmark loads: the built-in product module, a blog module with `post` and
 * `note`, product↔post 1:1 and product↔note 1:N. Both blog sides cascade on `link.delete`, so
 * deleting a product soft-deletes its post and notes (the cascade issue 4 measures).
 */
const blogFiles: Record<string, string> = {
  "src/modules/blog/models/post.ts": `
import { model } from "modlink"
export const Post = model.define("post", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text(),
  body: model.text().nullable(),
})
`,
  "src/modules/blog/models/note.ts": `
import { model } from "modlink"
export const Note = model.define("note", {
  id: model.id({ prefix: "note" }).primaryKey(),
  body: model.text(),
})
`,
  "src/modules/blog/service.ts": `
import { ModuleService } from "modlink"
import { Post } from "./models/post"
import { Note } from "./models/note"
export default class BlogService extends ModuleService({ Post, Note }) {}
`,
  "src/modules/blog/index.ts": `
import { Module } from "modlink"
import BlogService from "./service"
export default Module("blog", { service: BlogService })
`,
  "src/links/product-post.ts": `
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog"
import { defineLink } from "modlink"
export default defineLink(ProductModule.linkable.product, { linkable: BlogModule.linkable.post, deleteCascade: true })
`,
  "src/links/product-notes.ts": `
import ProductModule from "modlink/product"
import BlogModule from "../modules/blog"
import { defineLink } from "modlink"
export default defineLink(ProductModule.linkable.product, {
  linkable: BlogModule.linkable.note,
  isList: true,
  deleteCascade: true,
})
`,
}

/** The config; `blogUrl` puts the blog module on a database of its own (the cross-database case). */
function configFile(blogUrl?: string): string {
  const blog = blogUrl
    ? `{ resolve: "./src/modules/blog", databaseUrl: ${JSON.stringify(blogUrl)} }`
    : `"./src/modules/blog"`
  return `
import { defineConfig } from "modlink"
export default defineConfig({ modules: ["modlink/product", ${blog}] })
`
}

export interface ProjectDir {
  dir: string
  remove(): void
}

/** Writes a project folder to the temp dir; `files` are relative paths → contents. */
export function writeProject(files: Record<string, string>): ProjectDir {
  const dir = mkdtempSync(join(tmpdir(), "modlink-bench-"))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The benchmark project; with `blogUrl`, the blog module lives on that second database. */
export function writeBenchProject(blogUrl?: string): ProjectDir {
  return writeProject({ ...blogFiles, "modlink.config.ts": configFile(blogUrl) })
}
