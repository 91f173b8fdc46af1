import type { DmlModel } from "../dml/model.ts"
import { moduleTables } from "../dml/table-schemas.ts"
import { ModlinkError, suggest } from "../errors/index.ts"
import type { LinkHandle } from "./define-link.ts"
import { resolveExtraColumns } from "./extra-columns.ts"
import type { LinkSideDefinition } from "./link-definition.ts"
import type { Linkable } from "./linkable.ts"
import {
  linkEntryPoint,
  linkKeyColumns,
  linkQueryField,
  linkServiceName,
  linkTableName,
  type NamedSide,
  requestedLinkTableName,
} from "./naming.ts"
import {
  describeLink,
  type LinkDescriptor,
  type ResolvedLink,
  type ResolvedLinkSide,
  type ResolvedTableLink,
} from "./resolved-link.ts"

/** What the resolver needs of a loaded module (a module definition satisfies it). */
export interface LinkableModule {
  name: string
  models: readonly DmlModel[]
  linkable: Record<string, Linkable>
}

/** A link file's default export and where it came from. */
export interface LinkSource {
  handle: LinkHandle
  file: string
}

const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"]

/**
 * Checks every link against the loaded modules and derives its names: the step between link
 * files and everything that uses links (registry, planner, link service, query). Each handle's
 * `resolved` is set, so a link file's export answers `entryPoint` and `table` afterwards.
 * Throws on the first invalid link, naming its file; nothing is written before this succeeds.
 */
export function resolveLinks(
  sources: readonly LinkSource[],
  modules: readonly LinkableModule[],
): ResolvedLink[] {
  const resolved = sources.map((source) => resolveLink(source, modules))
  rejectDuplicates(resolved)
  sources.forEach((source, i) => {
    source.handle.resolved = resolved[i]
  })
  return resolved
}

interface SideTarget {
  input: LinkSideDefinition
  module: LinkableModule
  model: DmlModel
  named: NamedSide
}

function resolveLink({ handle, file }: LinkSource, modules: readonly LinkableModule[]): ResolvedLink {
  const left = findTarget(handle.left, modules, file)
  const right = findTarget(handle.right, modules, file)
  const descriptor: LinkDescriptor = {
    fromModule: left.module.name,
    fromModel: left.model.snakeName,
    toModule: right.module.name,
    toModel: right.model.snakeName,
  }
  const name = describeLink(descriptor)
  if (left.module === right.module && left.model === right.model) {
    throw new ModlinkError("INVALID_LINK", `Link ${name} (${file}) links a model to itself`, {
      hint: "relate records of one module with a relationship in the model (hasMany, manyToMany)",
    })
  }
  const base = {
    entryPoint: linkEntryPoint(left.named, right.named),
    serviceName: linkServiceName(left.named, right.named),
    file,
    descriptor,
  }
  if (handle.options.readOnly) {
    const column = left.input.field ?? right.named.key
    const table = moduleTables(left.module.models).find((t) => t.name === left.model.tableName)
    const columns = table?.columns.map((c) => c.name) ?? []
    if (!columns.includes(column)) {
      throw new ModlinkError(
        "INVALID_LINK",
        `Read-only link ${name} (${file}): model ${descriptor.fromModule}.${descriptor.fromModel} has no column "${column}" holding the ${descriptor.toModel} id`,
        {
          hint: `set field on the first argument to one of its columns: ${suggest(column, columns, "columns")}`,
        },
      )
    }
    const rightIsList = handle.options.isList ?? left.input.isList
    return {
      ...base,
      readOnly: true,
      table: null,
      // Here `field` on the left names the column holding the right id, not a query field.
      left: {
        ...side(left, column, left.input.isList),
        field: linkQueryField({ ...left.named, isList: left.input.isList }),
      },
      right: side(right, right.input.linkable.primaryKey, rightIsList),
    }
  }
  const [leftKey, rightKey] = linkKeyColumns(left.named, right.named)
  const pinned = handle.options.database?.table
  const idPrefix = handle.options.database?.idPrefix ?? "link"
  if (!/^[A-Za-z0-9]+$/.test(idPrefix)) {
    throw new ModlinkError(
      "INVALID_LINK",
      `Invalid database.idPrefix "${idPrefix}" of link ${name} (${file})`,
      {
        hint: "use letters and digits only: ids are written <idPrefix>_<ULID>",
      },
    )
  }
  const link: ResolvedTableLink = {
    ...base,
    readOnly: false,
    table: linkTableName(left.named, right.named, pinned),
    requestedTable: requestedLinkTableName(left.named, right.named, pinned),
    idPrefix,
    left: side(left, leftKey, left.input.isList),
    right: side(right, rightKey, right.input.isList),
    extraColumns: resolveExtraColumns(handle.options.database?.extraColumns, {
      file,
      link: name,
      reserved: ["id", leftKey, rightKey, ...TIMESTAMPS],
    }),
  }
  return link
}

function side(target: SideTarget, key: string, isList: boolean): ResolvedLinkSide {
  return {
    module: target.module.name,
    model: target.model.snakeName,
    entity: target.model.entityName,
    modelTable: target.model.tableName,
    primaryKey: target.input.linkable.primaryKey,
    key,
    isList,
    deleteCascade: target.input.deleteCascade,
    field: linkQueryField({ ...target.named, isList }, target.input.field),
  }
}

function findTarget(input: LinkSideDefinition, modules: readonly LinkableModule[], file: string): SideTarget {
  const { serviceName, field, primaryKey, linkable: key } = input.linkable
  const module = modules.find((m) => m.name === serviceName)
  if (!module) {
    throw new ModlinkError(
      "INVALID_LINK",
      `Link ${file} uses module "${serviceName}", which is not in the config`,
      {
        hint: `${suggest(
          serviceName,
          modules.map((m) => m.name),
          "configured modules",
        )}; add the module to modules in modlink.config.ts`,
      },
    )
  }
  const model = module.linkable[field] ? module.models.find((m) => m.name === field) : undefined
  if (!model) {
    throw new ModlinkError(
      "INVALID_LINK",
      `Link ${file} uses model "${field}", which module "${serviceName}" does not make linkable`,
      {
        hint: suggest(field, Object.keys(module.linkable), `linkable models of ${serviceName}`),
      },
    )
  }
  if (!model.primaryKeys.includes(primaryKey)) {
    throw new ModlinkError(
      "INVALID_LINK",
      `Link ${file}: "${primaryKey}" is not a primary key of ${serviceName}.${field}`,
      {
        hint: `primary keys: ${model.primaryKeys.join(", ")}`,
      },
    )
  }
  return { input, module, model, named: { module: module.name, field: model.name, key } }
}

function rejectDuplicates(links: readonly ResolvedLink[]): void {
  const byPair = new Map<string, ResolvedLink>()
  const byTable = new Map<string, ResolvedLink>()
  for (const link of links) {
    const pair = `${link.readOnly}:${describeLink(link.descriptor)}`
    const samePair = byPair.get(pair)
    if (samePair) {
      throw new ModlinkError(
        "INVALID_LINK",
        `Link ${describeLink(link.descriptor)} is defined twice: ${samePair.file} and ${link.file}`,
        {
          hint: "keep one definition; to relate the same models differently, link from the other side or add a model",
        },
      )
    }
    byPair.set(pair, link)
    if (link.table === null) continue
    const sameTable = byTable.get(link.table)
    if (sameTable) {
      throw new ModlinkError(
        "INVALID_LINK",
        `Links ${describeLink(sameTable.descriptor)} (${sameTable.file}) and ${describeLink(link.descriptor)} (${link.file}) would both use table "${link.table}"`,
        { hint: "give one of them another database.table" },
      )
    }
    byTable.set(link.table, link)
  }
}
