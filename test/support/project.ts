import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"

/** A project folder on disk, written from a map of relative paths to file contents. */
export interface Project {
  dir: string
  write(files: Record<string, string>): void
  remove(path: string): void
  cleanup(): void
}

export function createProject(files: Record<string, string> = {}): Project {
  const dir = mkdtempSync(join(tmpdir(), "modlink-project-"))
  const project: Project = {
    dir,
    write(more) {
      for (const [path, content] of Object.entries(more)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), content)
      }
    },
    remove(path) {
      rmSync(join(dir, path), { recursive: true, force: true })
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
  project.write(files)
  return project
}

/** The seeds' blog module: `post` and `comment` (a post has many comments). */
export const blogModuleFiles = (name = "blog", postModel = "post"): Record<string, string> => ({
  [`src/modules/${name}/models/${postModel}.ts`]: `
import { model } from "modlink"
import { Comment } from "./comment"
export const Post = model.define("${postModel}", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text(),
  body: model.text().nullable(),
  views: model.number().default(0),
  comments: model.hasMany(() => Comment, { mappedBy: "post" }),
})
`,
  [`src/modules/${name}/models/comment.ts`]: `
import { model } from "modlink"
import { Post } from "./${postModel}"
export const Comment = model.define("comment", {
  id: model.id({ prefix: "com" }).primaryKey(),
  body: model.text(),
  post: model.belongsTo(() => Post, { mappedBy: "comments" }),
})
`,
  [`src/modules/${name}/service.ts`]: `
import { ModuleService } from "modlink"
import { Post } from "./models/${postModel}"
import { Comment } from "./models/comment"
export default class BlogService extends ModuleService({ Post, Comment }) {}
`,
  [`src/modules/${name}/index.ts`]: `
import { Module } from "modlink"
import BlogService from "./service"
export default Module("${name}", { service: BlogService })
`,
})

/** A config listing the product module and the given module folders. */
export function configFile(modules: string[] = ["./src/modules/blog"], extra = ""): Record<string, string> {
  return {
    "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({
  modules: ["modlink/product", ${modules.map((m) => JSON.stringify(m)).join(", ")}],${extra}
})
`,
  }
}

/** A link file between product and blog post with the given defineLink arguments. */
export function linkFile(args: string, blog = "blog"): string {
  return `
import ProductModule from "modlink/product"
import BlogModule from "../modules/${blog}"
import { defineLink } from "modlink"
export default defineLink(${args})
`
}
