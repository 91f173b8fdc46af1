import { rmSync } from "node:fs"
import { afterAll, beforeAll } from "vitest"
import { seed } from "../../examples/blog/src/scripts/seed.ts"
import type { App } from "../../src/app/index.ts"
import { prepareDemoApp } from "../../src/cli/demo/prepare-demo-app.ts"
import { type Studio, startStudio } from "../../src/studio/server/start-studio.ts"
import { type BackendKind, type FreshDatabase, freshDatabase } from "../support/backends.ts"
import { startApp } from "../support/start-app.ts"

export interface StudioFixture {
  readonly app: App
  readonly studio: Studio
  readonly database: FreshDatabase
  /** `fetch` against the studio, with the token unless `token: null`. */
  api(path: string, init?: { method?: string; body?: unknown; token?: string | null }): Promise<Response>
}

/**
 * The demo app (examples/blog: product and blog modules, three links) seeded with `products`
 * products on a fresh database of `kind`, served by a studio; set up once per describe block.
 */
export function studioFixture(
  kind: BackendKind,
  options: { products?: number; write?: boolean } = {},
): StudioFixture {
  let dir: string | undefined
  const state: { app?: App; studio?: Studio; database?: FreshDatabase } = {}
  beforeAll(async () => {
    dir = prepareDemoApp()
    state.database = await freshDatabase(kind)
    const app = await startApp(dir, state.database.url)
    state.app = app
    await seed(app, { products: options.products ?? 30 })
    state.studio = await startStudio({ app, write: options.write })
  })
  afterAll(async () => {
    await state.studio?.close()
    await state.app?.close()
    await state.database?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  return {
    get app() {
      return state.app!
    },
    get studio() {
      return state.studio!
    },
    get database() {
      return state.database!
    },
    api(path, init = {}) {
      const base = new URL(state.studio!.url)
      const token = init.token === undefined ? state.studio!.token : init.token
      return fetch(new URL(path, base.origin), {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers: {
          ...(token === null ? {} : { "x-modlink-token": token }),
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === "string"
              ? init.body
              : JSON.stringify(init.body),
      })
    },
  }
}
