import type { LinkService } from "../link/service/index.ts"
import type { QueryEngine } from "../query/index.ts"
import type { ScopeContainer, Transaction } from "../transaction/index.ts"
import type { App } from "./create-app.ts"

/** The app as framework code sees it: entities and modules are whatever the user's project has. */
export interface UntypedApp {
  query: QueryEngine
  link: LinkService
  resolve(name: string): unknown
}

/**
 * The CLI and the demo query entities named at run time; the app's own types (from the project's
 * `modlink-env.d.ts`) describe user code, not them.
 */
export function untypedApp(app: App): UntypedApp {
  return app as unknown as UntypedApp
}

/** A transaction's scope as framework code sees it, for the same reason: modules named at run time. */
export function untypedScope(scope: Transaction): ScopeContainer {
  return scope as unknown as ScopeContainer
}
