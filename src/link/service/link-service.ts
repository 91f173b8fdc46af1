import type { Database } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { CascadeContext } from "../cascade/cascade-context.ts"
import { CascadeJournal } from "../cascade/cascade-journal.ts"
import { deleteCascade } from "../cascade/delete-cascade.ts"
import { restoreCascade } from "../cascade/restore-cascade.ts"
import type { ResolvedLink } from "../resolved-link.ts"
import { type RecordCheck, recordChecks, refuseMissingRecords } from "./check-records.ts"
import { createLinks, groupCreateInputs } from "./create-links.ts"
import { dismissLinks, groupDismissInputs } from "./dismiss-links.ts"
import { type LinkEventSink, LinkEvents } from "./link-events.ts"
import { LinkGraph, type ModuleModels } from "./link-graph.ts"
import type {
  CascadeReport,
  CreateLinkOptions,
  DeleteOptions,
  LinkEventHandler,
  LinkEventName,
  LinkInput,
  LinkListInput,
  LinkRow,
  ListOptions,
  RecordsInput,
} from "./link-input.ts"
import { listLinks } from "./list-links.ts"
import { readRecordIds } from "./record-ids.ts"
import { retryOnDeadlock } from "./retry-deadlock.ts"

export interface LinkServiceOptions {
  links: readonly ResolvedLink[]
  /** The app's databases; link tables and the cascade journal live on `"main"`. */
  databases: ReadonlyMap<string, Database>
  /** Module name → key of its database in `databases`; absent means main. */
  placement: ReadonlyMap<string, string>
  /** The modules and their models, so keys of models without links are accepted (and do nothing). */
  modules?: readonly ModuleModels[]
  /** Default of `link.create`'s `checkRecords` (true): records are checked in `modules` only. */
  checkRecords?: boolean
}

/**
 * What the app's link service and the ones it binds to a transaction share: the link graph, the
 * journal's state, and the subscribers of link events.
 */
export interface LinkServiceParts {
  graph: LinkGraph
  journal: CascadeJournal
  events: LinkEventSink
}

export function linkServiceParts(options: Pick<LinkServiceOptions, "links" | "modules">): LinkServiceParts {
  return {
    graph: new LinkGraph(options.links, options.modules),
    journal: new CascadeJournal(),
    events: new LinkEvents(),
  }
}

/**
 * `app.link` / `container.resolve("link")`. The input types default to the loose shapes; an app
 * typed by its `modlink-env.d.ts` gets its own links' keys (`app/registry.ts`).
 */
export interface LinkService<
  Input extends object = LinkInput,
  ListInput extends object = LinkListInput,
  Records extends object = RecordsInput,
> {
  /** Links pairs; re-creating a pair updates the extra columns given and revives it if dismissed. */
  create(input: Input | readonly Input[], options?: CreateLinkOptions): Promise<LinkRow[]>
  /** Soft-deletes the given pairs; pairs not linked are skipped. Returns the rows dismissed. */
  dismiss(input: Input | readonly Input[]): Promise<LinkRow[]>
  /** After records were deleted in their modules: removes their links and cascades (`dryRun` previews). */
  delete(input: Records, options?: DeleteOptions): Promise<CascadeReport>
  /** After records were restored in their modules: brings back what their cascades removed. */
  restore(input: Records): Promise<CascadeReport>
  /** Link rows of the pairs given; a side left out (or `{}`) matches any id. */
  list(
    input: ListInput | readonly ListInput[],
    options?: ListOptions & { asLinkDefinition?: false },
  ): Promise<LinkRow[]>
  list(
    input: ListInput | readonly ListInput[],
    options: ListOptions & { asLinkDefinition: true },
  ): Promise<Input[]>
  /** Called after commit with the rows that became live (`attached`) or were removed (`detached`). */
  onLink(event: LinkEventName, handler: LinkEventHandler): () => void
}

const asList = <T>(input: T | readonly T[]): readonly T[] => (Array.isArray(input) ? input : [input as T])

export function createLinkService(
  options: LinkServiceOptions,
  parts: LinkServiceParts = linkServiceParts(options),
): LinkService {
  const main = options.databases.get("main")
  if (!main) {
    throw new ModlinkError("INVALID_CONFIG", "The link service needs the main database", {
      hint: 'pass databases with a "main" entry: link tables live there',
    })
  }
  const { graph, events } = parts
  // Inside a caller's transaction a deadlock aborted the caller's work too: only the caller can retry.
  const retry = <T>(work: () => Promise<T>) => (main.inTransaction ? work() : retryOnDeadlock(work))
  const databaseOf = (module: string) => {
    const key = options.placement.get(module) ?? "main"
    return { key, db: options.databases.get(key) ?? main }
  }
  const loaded = new Set(options.modules?.map((m) => m.name))
  const readable = (module: string) => loaded.has(module)
  const ctx: CascadeContext = {
    graph,
    main,
    databaseOf,
    allOnMain: [...options.placement.values()].every((key) => key === "main"),
    journal: parts.journal,
  }
  return {
    async create(input, createOptions) {
      const groups = groupCreateInputs(asList(input), graph, "create")
      const checks =
        (createOptions?.checkRecords ?? options.checkRecords ?? true)
          ? recordChecks(groups, databaseOf, readable)
          : new Map<string, RecordCheck>()
      // The main database's check runs inside the first upsert: no statement of its own.
      const onMain = checks.get("main")
      checks.delete("main")
      await refuseMissingRecords(checks.values())
      const { rows, events: attached } = await retry(() => createLinks(main, groups, onMain?.missing))
      await events.emit("attached", attached)
      return rows
    },
    async dismiss(input) {
      const groups = groupDismissInputs(asList(input), graph)
      const { rows, events: detached } = await retry(() => dismissLinks(main, groups))
      await events.emit("detached", detached)
      return rows
    },
    async delete(input, deleteOptions) {
      const roots = readRecordIds(input, graph, "delete")
      const { report, events: detached } = await retry(() => deleteCascade(ctx, roots, deleteOptions))
      await events.emit("detached", detached)
      return report
    },
    async restore(input) {
      const given = readRecordIds(input, graph, "restore")
      const { report, events: attached } = await retry(() => restoreCascade(ctx, given))
      await events.emit("attached", attached)
      return report
    },
    list(input: LinkListInput | readonly LinkListInput[], listOptions?: ListOptions) {
      return listLinks(main, graph, asList(input), listOptions) as Promise<never>
    },
    onLink: (event, handler) => events.on(event, handler),
  }
}
