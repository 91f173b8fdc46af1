// Written by `modlink types` and refreshed by every modlink command that loads the project: do not edit.
// It tells the type checker which modules and links the app has, so `app.resolve`, `query.graph`
// and `link.*` are typed from them.
import type {} from "modlink"

declare module "modlink" {
  interface ModlinkRegistry {
    modules: {
      product: typeof import("modlink/product").default
      blog: typeof import("./src/modules/blog/index.ts").default
    }
    links: [
      typeof import("./src/links/product-post.ts").default,
    ]
  }
}
