import { afterEach, describe, expect, it } from "vitest"
import { type App, createApp } from "../../src/app/index.ts"
import { isModlinkError } from "../../src/errors/index.ts"
import { freshDatabase } from "../support/backends.ts"
import { blogModuleFiles, configFile, createProject, type Project } from "../support/project.ts"

describe("createApp", () => {
  let project: Project | undefined
  let app: App | undefined
  afterEach(async () => {
    await app?.close()
    project?.cleanup()
    app = undefined
  })
  const open = (files: Record<string, string>) => {
    project = createProject(files)
    return createApp({ cwd: project.dir, databaseUrl: "pglite:memory" })
  }

  it("loads modules and resolves their services, the query engine and the link service", async () => {
    app = await open({ ...configFile(), ...blogModuleFiles() })
    expect(app.modules.map((m) => m.definition.name)).toEqual(["product", "blog"])
    expect(typeof app.resolve("blog").createPosts).toBe("function")
    expect(typeof app.resolve("query").graph).toBe("function")
    expect(typeof app.resolve("link").create).toBe("function")
    expect(() => app!.resolve("blgo")).toThrow(/Nothing named "blgo".*did you mean "blog"/s)
  })

  it("says where the config is missing", async () => {
    await expect(open({})).rejects.toThrow(/No modlink.config.ts in .*\n.*modlink init/s)
  })

  it("names a module folder without a default Module(...) export", async () => {
    await expect(
      open({
        ...configFile(["./src/modules/empty"]),
        "src/modules/empty/index.ts": "export const nothing = 1\n",
      }),
    ).rejects.toThrow(/Module "\.\/src\/modules\/empty" has no default export made with Module/)
  })

  it("names a module path that does not exist", async () => {
    await expect(open(configFile(["./src/modules/nowhere"]))).rejects.toThrow(
      /Module "\.\/src\/modules\/nowhere" not found/,
    )
  })

  it("refuses two modules with one name", async () => {
    await expect(
      open({
        ...configFile(["./src/modules/blog", "./src/modules/copy"]),
        ...blogModuleFiles(),
        ...blogModuleFiles("copy"),
        "src/modules/copy/index.ts": `import { Module } from "modlink"\nimport Service from "./service"\nexport default Module("blog", { service: Service })\n`,
      }),
    ).rejects.toThrow(/Two configured modules are named "blog"/)
  })

  it("names the file and line of a model file that throws", async () => {
    await expect(
      open({
        ...configFile(),
        ...blogModuleFiles(),
        "src/modules/blog/models/comment.ts": `import { model } from "modlink"\nimport { Post } from "./post"\n\nexport const Comment = model.define("comment", { id: model.id(), created_at: model.dateTime() })\n`,
      }),
    ).rejects.toThrow(/implicit on every model[\s\S]*comment\.ts:4:/)
  })

  it("names a link file that exports no link", async () => {
    await expect(
      open({ ...configFile(), ...blogModuleFiles(), "src/links/broken.ts": "export default 42\n" }),
    ).rejects.toThrow(/Link file .*broken\.ts does not default-export a link/)
  })

  it("puts a module with its own databaseUrl on its own database", async () => {
    const other = await freshDatabase("pglite")
    try {
      app = await open({
        "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({ modules: ["modlink/product", { resolve: "./src/modules/blog", databaseUrl: ${JSON.stringify(other.url)} }] })
`,
        ...blogModuleFiles(),
      })
      expect(app.databaseOf("blog")).not.toBe(app.db)
      expect(app.databaseOf("product")).toBe(app.db)
      expect(app.graph.entity("post").database).toBe("blog")
    } finally {
      await app?.close()
      app = undefined
      await other.drop()
    }
  })

  it("refuses a module databaseUrl that resolves to nothing, naming the unset variable", async () => {
    delete process.env.MODLINK_TEST_UNSET_BLOG_URL
    const error = await open({
      "modlink.config.ts": `
import { defineConfig } from "modlink"
export default defineConfig({
  modules: ["modlink/product", { resolve: "./src/modules/blog", databaseUrl: process.env.MODLINK_TEST_UNSET_BLOG_URL }],
})
`,
      ...blogModuleFiles(),
    }).catch((e: unknown) => e)
    expect(isModlinkError(error) && error.code).toBe("INVALID_CONFIG")
    expect((error as Error).message).toContain(
      'Module "blog" has a databaseUrl that resolves to nothing: the environment variable MODLINK_TEST_UNSET_BLOG_URL is not set',
    )
    expect((error as Error).message).toContain("remove databaseUrl to keep the module on the main database")
  })
})
