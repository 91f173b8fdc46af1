import { resolve as resolvePath } from "node:path"
import type { Database } from "../db/index.ts"
import { ModlinkError } from "../errors/index.ts"
import { type ResolvedLink, resolveLinks } from "../link/index.ts"
import {
  type LinkEventHandler,
  type LinkEventName,
  type LinkService,
  linkServiceParts,
} from "../link/service/index.ts"
import { serviceContextOf } from "../module/index.ts"
import { createQueryEngine } from "../query/index.ts"
import { addLinks, type Entity, MAIN_DATABASE, modelEntities, SchemaGraph } from "../schema/index.ts"
import {
  recoverPrepared,
  type Transaction,
  type TransactionOptions,
  Transactions,
} from "../transaction/index.ts"
import type { ModlinkConfig } from "./config.ts"
import { loadLinkSources } from "./discover-links.ts"
import { loadConfig } from "./load-config.ts"
import { type LoadedModule, loadModules } from "./load-modules.ts"
import { closeDatabases, openDatabases, startMainDatabase } from "./open-databases.ts"
import type { AppContainer, Container as ResolvedNames } from "./registry.ts"
import { untypedScope } from "./untyped-app.ts"
import { type Container, type ContainerParts, resolveIn, wireContainer } from "./wire-container.ts"

export interface CreateAppOptions {
  /** Project root holding `modlink.config.ts` and `src/links/`. Defaults to the current folder. */
  cwd?: string
  /** Overrides the config's main database URL (`pglite:memory` for a throwaway database). */
  databaseUrl?: string
  /** Use this config instead of loading `modlink.config.ts`. */
  config?: ModlinkConfig
  /**
   * Default of `link.create`'s `checkRecords`: `false` makes every call store links without
   * checking their records exist (an app that imports links before their records).
   */
  checkLinkRecords?: boolean
}

/**
 * A loaded application: modules with their services, links, the schema graph, the query engine
 * and the databases. `resolve` is the container scripts and user code use.
 */
export class App {
  private readonly container: Container
  private readonly transactions: Transactions
  private readonly ambientDatabases: ReadonlyMap<string, Database>
  /** The link service: create, dismiss, delete (cascade), restore, list. */
  readonly link: AppContainer["link"]
  /** The query engine, typed by the app's modules and links once `modlink types` has run. */
  readonly query: AppContainer["query"]

  constructor(
    readonly cwd: string,
    readonly config: ModlinkConfig,
    readonly modules: readonly LoadedModule[],
    readonly links: readonly ResolvedLink[],
    readonly graph: SchemaGraph,
    /** The app's databases (pools, PGlite) by key: outside any transaction, whoever calls. */
    readonly databases: ReadonlyMap<string, Database>,
    /** Module name → key of its database in `databases`. */
    readonly placement: ReadonlyMap<string, string>,
    readonly warnings: readonly string[],
    checkLinkRecords = true,
    /** Where reads go by database key (replica readers); the primaries when omitted. */
    private readonly readers: ReadonlyMap<string, Database> = databases,
  ) {
    const parts: ContainerParts = {
      modules,
      links,
      graph,
      placement,
      link: linkServiceParts({
        links,
        modules: modules.map((m) => ({ name: m.definition.name, models: m.definition.models })),
      }),
      checkLinkRecords,
    }
    // A transaction's container: the same services, derived from the app's (their own fields stay
    // readable), over the transaction's databases.
    this.transactions = new Transactions(
      databases,
      (scopeDatabases, events) => {
        const scoped = wireContainer(parts, {
          databases: scopeDatabases,
          events,
          service: (definition) => Object.create(this.container.services.get(definition.name)!),
          together: (_module, context) => (run) => run(context),
        })
        return { resolve: (name) => resolveIn(scoped, name) }
      },
      parts.link.events,
    )
    // The app's own container joins the transaction its caller runs in (see AmbientDatabase).
    const ambient = this.transactions.ambient(databases, readers)
    this.ambientDatabases = ambient.databases
    this.container = wireContainer(
      parts,
      {
        databases: ambient.databases,
        events: ambient.events,
        service: (definition) => new definition.service({ container: this }),
        // A delete and its link cascade share a transaction when the links live on the module's
        // database: the caller's, when called inside one (the context's databases route there).
        together: (module, context) =>
          (placement.get(module) ?? MAIN_DATABASE) === MAIN_DATABASE
            ? (run) =>
                this.transactions.active
                  ? run(context)
                  : this.transaction((scope) =>
                      run(serviceContextOf(untypedScope(scope).resolve(module) as object, "together")),
                    )
            : undefined,
      },
      createQueryEngine({ graph, databases: ambient.databases, readers: ambient.readers }),
    )
    this.link = this.container.link as AppContainer["link"]
    this.query = this.container.query as AppContainer["query"]
  }

  /**
   * The main database: link tables and the link registry live here. Like the services, it runs
   * inside the transaction of the callback it is called from.
   */
  get db(): Database {
    return this.ambientDatabases.get(MAIN_DATABASE)!
  }

  databaseOf(module: string): Database {
    return this.ambientDatabases.get(this.placement.get(module) ?? MAIN_DATABASE)!
  }

  /** `"query"`, `"link"`, or a module name (its service), typed per name (`registry.ts`). */
  resolve<Name extends keyof ResolvedNames & string>(name: Name): ResolvedNames[Name] {
    return resolveIn<ResolvedNames[Name]>(this.container, name)
  }

  /**
   * Runs `callback` in one transaction per database it touches, committed together when it
   * resolves (two-phase across databases) and rolled back together when it throws. Services from
   * `scope.resolve(...)` run inside it; `query.graph` there sees its writes; link events fire after
   * the commit. Called inside a callback, it joins the running transaction as a savepoint.
   */
  transaction<T>(callback: (scope: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.transactions.run(callback, options)
  }

  /** Called after commit when link rows become live (`attached`) or are removed (`detached`). */
  onLink(event: LinkEventName, handler: LinkEventHandler): () => void {
    return (this.link as LinkService).onLink(event, handler)
  }

  async close(): Promise<void> {
    await closeDatabases(this.databases, this.readers)
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
  const mainUrl = options.databaseUrl ?? config.databaseUrl ?? process.env.DATABASE_URL
  const databaseOptions = { cwd, statementTimeout: config.statementTimeout }
  const mainOpening = startMainDatabase(mainUrl, databaseOptions)
  let modules: LoadedModule[]
  let links: ResolvedLink[]
  try {
    modules = await loadModules(config.modules, cwd)
    links = resolveLinks(
      await loadLinkSources(cwd),
      modules.map((m) => m.definition),
    )
  } catch (error) {
    // The project is wrong: free the database (an embedded folder's lock) before reporting it.
    await mainOpening.then(
      (db) => db.close(),
      () => {},
    )
    throw error
  }
  const { databases, readers, placement } = await openDatabases(
    { url: mainUrl, replicas: config.replicas },
    modules,
    databaseOptions,
    mainOpening,
  )
  try {
    // Prepared transactions a process left behind hold their locks until ended: end them first.
    await recoverPrepared(databases)
  } catch (error) {
    await closeDatabases(databases, readers)
    throw error
  }
  const { graph, warnings } = buildGraph(modules, placement, links)
  return new App(
    cwd,
    config,
    modules,
    links,
    graph,
    databases,
    placement,
    warnings,
    options.checkLinkRecords,
    readers,
  )
}
