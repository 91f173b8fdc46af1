import { resolve as resolvePath } from "node:path"
import type { Database } from "../db/index.ts"
import { ModlinkError, suggest } from "../errors/index.ts"
import { type ResolvedLink, resolveLinks } from "../link/index.ts"
import {
  createLinkService,
  type LinkEventHandler,
  type LinkEventName,
  type LinkService,
  linkCascadeHook,
} from "../link/service/index.ts"
import { attachServiceContext, type ServiceContext } from "../module/index.ts"
import { createQueryEngine, type QueryEngine } from "../query/index.ts"
import { addLinks, type Entity, modelEntities, SchemaGraph } from "../schema/index.ts"
import type { ModlinkConfig } from "./config.ts"
import { loadLinkSources } from "./discover-links.ts"
import { loadConfig } from "./load-config.ts"
import { type LoadedModule, loadModules } from "./load-modules.ts"
import { openDatabases } from "./open-databases.ts"

export interface CreateAppOptions {
  /** Project root holding `modlink.config.ts` and `src/links/`. Defaults to the current folder. */
  cwd?: string
  /** Overrides the config's main database URL (`pglite:memory` for a throwaway database). */
  databaseUrl?: string
  /** Use this config instead of loading `modlink.config.ts`. */
  config?: ModlinkConfig
}

/**
 * A loaded application: modules with their services, links, the schema graph, the query engine
 * and the databases. `resolve` is the container scripts and user code use.
 */
export class App {
  private readonly services = new Map<string, Record<string, any>>()
  /** The link service: create, dismiss, delete (cascade), restore, list. */
  readonly link: LinkService

  constructor(
    readonly cwd: string,
    readonly config: ModlinkConfig,
    readonly modules: readonly LoadedModule[],
    readonly links: readonly ResolvedLink[],
    readonly graph: SchemaGraph,
    readonly databases: ReadonlyMap<string, Database>,
    /** Module name → key of its database in `databases`. */
    readonly placement: ReadonlyMap<string, string>,
    readonly query: QueryEngine,
    readonly warnings: readonly string[],
    /** Where reads go by database key (replica readers); the primaries when omitted. */
    private readonly readers: ReadonlyMap<string, Database> = databases,
  ) {
    this.link = createLinkService({
      links,
      databases,
      placement,
      modules: modules.map((m) => ({ name: m.definition.name, models: m.definition.models })),
    })
    for (const { definition } of modules) {
      const service = new definition.service({ container: this })
      const context: ServiceContext = {
        module: definition.name,
        db: this.databaseOf(definition.name),
        query: this.query,
        afterChange: linkCascadeHook(this.link, definition.name),
      }
      attachServiceContext(service, context)
      this.services.set(definition.name, service)
    }
  }

  /** The main database: link tables and the link registry live here. */
  get db(): Database {
    return this.databases.get("main")!
  }

  databaseOf(module: string): Database {
    return this.databases.get(this.placement.get(module) ?? "main")!
  }

  /** `"query"`, `"link"`, or a module name (its service). */
  resolve<T = any>(name: string): T {
    if (name === "query") return this.query as T
    if (name === "link") return this.link as T
    const service = this.services.get(name)
    if (service) return service as T
    throw new ModlinkError("INVALID_INPUT", `Nothing named "${name}" in the container`, {
      hint: suggest(name, ["query", "link", ...this.services.keys()], "registered names"),
    })
  }

  /** Called after commit when link rows become live (`attached`) or are removed (`detached`). */
  onLink(event: LinkEventName, handler: LinkEventHandler): () => void {
    return this.link.onLink(event, handler)
  }

  async close(): Promise<void> {
    const replicaReaders = [...this.readers.entries()].filter(([key, db]) => this.databases.get(key) !== db)
    await Promise.all(
      [...this.databases.values(), ...replicaReaders.map(([, db]) => db)].map((db) => db.close()),
    )
  }
}

function buildGraph(
  modules: readonly LoadedModule[],
  placement: ReadonlyMap<string, string>,
  links: readonly ResolvedLink[],
) {
  const entities = new Map<string, Entity>()
  const warnings: string[] = []
  for (const { definition } of modules) {
    for (const entity of modelEntities({
      name: definition.name,
      models: definition.models,
      database: placement.get(definition.name)!,
    })) {
      if (entities.has(entity.name)) {
        throw new ModlinkError(
          "INVALID_CONFIG",
          `Model "${entity.name}" exists in modules "${entities.get(entity.name)!.module}" and "${definition.name}"`,
          { hint: "query entities are named after models; give one of the models another name" },
        )
      }
      entities.set(entity.name, entity)
    }
  }
  addLinks(entities, links, warnings)
  return { graph: new SchemaGraph(entities), warnings }
}

/** Loads config, modules and links, opens the databases, and wires services to the query engine. */
export async function createApp(options: CreateAppOptions = {}): Promise<App> {
  const cwd = resolvePath(options.cwd ?? process.cwd())
  const config = options.config ?? (await loadConfig(cwd)).config
  const modules = await loadModules(config.modules, cwd)
  const links = resolveLinks(
    await loadLinkSources(cwd),
    modules.map((m) => m.definition),
  )
  const mainUrl = options.databaseUrl ?? config.databaseUrl ?? process.env.DATABASE_URL
  const { databases, readers, placement } = await openDatabases(
    { url: mainUrl, replicas: config.replicas },
    modules,
    { cwd, statementTimeout: config.statementTimeout },
  )
  const { graph, warnings } = buildGraph(modules, placement, links)
  const query = createQueryEngine({ graph, databases, readers })
  return new App(cwd, config, modules, links, graph, databases, placement, query, warnings, readers)
}
