import type { Database } from "../db/index.ts"
import { ModlinkError, suggest } from "../errors/index.ts"
import type { ResolvedLink } from "../link/index.ts"
import {
  createLinkService,
  type LinkEventSink,
  type LinkService,
  type LinkServiceParts,
  linkCascadeHook,
} from "../link/service/index.ts"
import type { ModuleDefinition } from "../module/index.ts"
import { attachServiceContext, type ServiceContext } from "../module/index.ts"
import { createQueryEngine, type QueryEngine } from "../query/index.ts"
import type { SchemaGraph } from "../schema/index.ts"
import type { LoadedModule } from "./load-modules.ts"

/** What a container is built from, apart from its databases: fixed when the app loads. */
export interface ContainerParts {
  modules: readonly LoadedModule[]
  links: readonly ResolvedLink[]
  graph: SchemaGraph
  /** Module name → key of its database. */
  placement: ReadonlyMap<string, string>
  link: LinkServiceParts
}

/** What `resolve` hands out: the query engine, the link service and one service per module. */
export interface Container {
  query: QueryEngine
  link: LinkService
  services: ReadonlyMap<string, Record<string, any>>
}

export interface WireOptions {
  /** The app's databases, or a transaction's (bound to its connections; always the primaries). */
  databases: ReadonlyMap<string, Database>
  events: LinkEventSink
  /** The service object of a module (the app constructs it; a transaction derives from the app's). */
  service(definition: ModuleDefinition): Record<string, any>
  /** The module's `together` (see ServiceContext), given the context it belongs to. */
  together(module: string, context: ServiceContext): ServiceContext["together"]
}

/**
 * Builds the services over a set of databases. The app calls it once with its own databases; each
 * `app.transaction` calls it with databases bound to its transaction, which is how every service,
 * the link service and query run inside it without a transaction parameter of their own.
 */
export function wireContainer(parts: ContainerParts, options: WireOptions, query?: QueryEngine): Container {
  const { databases } = options
  const engine = query ?? createQueryEngine({ graph: parts.graph, databases })
  const link = createLinkService(
    {
      links: parts.links,
      databases,
      placement: parts.placement,
      modules: parts.modules.map((m) => ({ name: m.definition.name, models: m.definition.models })),
    },
    { ...parts.link, events: options.events },
  )
  const services = new Map<string, Record<string, any>>()
  for (const { definition } of parts.modules) {
    const service = options.service(definition)
    const context: ServiceContext = {
      module: definition.name,
      db: databases.get(parts.placement.get(definition.name) ?? "main")!,
      query: engine,
      afterChange: linkCascadeHook(link, definition.name),
    }
    context.together = options.together(definition.name, context)
    attachServiceContext(service, context)
    services.set(definition.name, service)
  }
  return { query: engine, link, services }
}

/** `"query"`, `"link"`, or a module name (its service). */
export function resolveIn<T>(container: Container, name: string): T {
  if (name === "query") return container.query as T
  if (name === "link") return container.link as T
  const service = container.services.get(name)
  if (service) return service as T
  throw new ModlinkError("INVALID_INPUT", `Nothing named "${name}" in the container`, {
    hint: suggest(name, ["query", "link", ...container.services.keys()], "registered names"),
  })
}
