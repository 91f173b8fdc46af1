import { ModlinkError, suggest } from "../errors/index.ts"
import type { DefineLinkOptions, LinkSideDefinition, LinkSideInput } from "./link-definition.ts"
import type { LinkType, LinkTypeOf } from "./link-types.ts"
import type { Linkable } from "./linkable.ts"
import { describeLink, type ResolvedLink } from "./resolved-link.ts"

/**
 * Marks the default export of a link file. `Symbol.for` so a handle built by one copy of modlink
 * (the project's) is recognised by another (the CLI's).
 */
export const LINK_HANDLE = Symbol.for("modlink.link")

/**
 * What `defineLink` returns: the link as written. The app fills in `resolved` once every module is
 * loaded; only then are the names known (they depend on the modules in the config).
 */
export class LinkHandle<Type extends LinkType = LinkType> {
  readonly [LINK_HANDLE] = true
  resolved?: ResolvedLink
  /** Never set: the link's sides and extra columns for the type checker (`link-types.ts`). */
  declare readonly "~link"?: Type

  constructor(
    readonly left: LinkSideDefinition,
    readonly right: LinkSideDefinition,
    readonly options: DefineLinkOptions,
  ) {}

  get entryPoint(): string {
    return this.loaded("entryPoint").entryPoint
  }

  /** The link table, or null for a read-only link. */
  get table(): string | null {
    return this.loaded("table").table
  }

  get serviceName(): string {
    return this.loaded("serviceName").serviceName
  }

  private loaded(what: string): ResolvedLink {
    if (this.resolved) return this.resolved
    const { left, right } = this
    const name = describeLink({
      fromModule: left.linkable.serviceName,
      fromModel: left.linkable.field,
      toModule: right.linkable.serviceName,
      toModel: right.linkable.field,
    })
    throw new ModlinkError("INVALID_LINK", `The ${what} of link ${name} is not known yet`, {
      hint: "link names depend on the loaded modules: read them after createApp() has loaded the links",
    })
  }
}

export function isLinkHandle(value: unknown): value is LinkHandle {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[LINK_HANDLE] === true
  )
}

const SIDE_KEYS = ["linkable", "isList", "deleteCascade", "deleteCascades", "field"]
const OPTION_KEYS = ["database", "readOnly", "isList"]
const DATABASE_KEYS = ["table", "idPrefix", "extraColumns"]

const SIDE_FORMS =
  "pass a module's linkable entry (BlogModule.linkable.post) or " +
  "{ linkable: BlogModule.linkable.post, isList?: boolean, deleteCascade?: boolean, field?: string }"

/**
 * Declares a link between two data models of different modules; the default export of a file
 * under `src/links/`. Only the shape of the arguments is checked here: whether the modules and
 * models exist is known when the app loads the link (`resolveLinks`).
 */
export function defineLink<
  const Left extends LinkSideInput,
  const Right extends LinkSideInput,
  const Options extends DefineLinkOptions = {},
>(left: Left, right: Right, options: Options = {} as Options): LinkHandle<LinkTypeOf<Left, Right, Options>> {
  const leftSide = readSide(left, "first")
  const rightSide = readSide(right, "second")
  readOptions(options)
  if (options.readOnly && (leftSide.deleteCascade || rightSide.deleteCascade)) {
    throw new ModlinkError("INVALID_LINK", "A read-only link cannot cascade deletes", {
      hint: "read-only links have no link rows to follow: remove deleteCascade, or drop readOnly",
    })
  }
  return new LinkHandle(leftSide, rightSide, options)
}

function isLinkable(value: unknown): value is Linkable {
  if (typeof value !== "object" || value === null) return false
  const v = value as Record<string, unknown>
  return ["serviceName", "field", "linkable", "primaryKey"].every(
    (key) => typeof v[key] === "string" && v[key] !== "",
  )
}

function readSide(input: unknown, position: string): LinkSideDefinition {
  if (isLinkable(input)) return { linkable: input, isList: false, deleteCascade: false }
  if (
    typeof input !== "object" ||
    input === null ||
    !isLinkable((input as { linkable?: unknown }).linkable)
  ) {
    throw invalid(
      `Invalid linkable passed for the ${position} argument of defineLink: ${show(input)}`,
      SIDE_FORMS,
    )
  }
  const side = input as Exclude<LinkSideInput, Linkable>
  checkKeys(side, SIDE_KEYS, `the ${position} argument of defineLink`)
  checkType(side.isList, "boolean", `isList of the ${position} argument`)
  checkType(side.deleteCascade, "boolean", `deleteCascade of the ${position} argument`)
  checkType(side.deleteCascades, "boolean", `deleteCascades of the ${position} argument`)
  checkType(side.field, "string", `field of the ${position} argument`)
  return {
    linkable: side.linkable,
    isList: side.isList ?? false,
    deleteCascade: side.deleteCascade ?? side.deleteCascades ?? false,
    ...(side.field ? { field: side.field } : {}),
  }
}

function readOptions(options: unknown): void {
  if (typeof options !== "object" || options === null) {
    throw invalid(
      `Invalid options passed as the third argument of defineLink: ${show(options)}`,
      "{ database?, readOnly?, isList? }",
    )
  }
  const { database, readOnly, isList } = options as DefineLinkOptions
  checkKeys(options as Record<string, unknown>, OPTION_KEYS, "the options of defineLink")
  checkType(readOnly, "boolean", "readOnly")
  checkType(isList, "boolean", "isList")
  if (isList !== undefined && !readOnly) {
    throw invalid(
      "The isList option applies to read-only links only",
      "put isList on a side: { linkable, isList: true }",
    )
  }
  if (database === undefined) return
  if (typeof database !== "object" || database === null) {
    throw invalid(
      `Invalid database option of defineLink: ${show(database)}`,
      "{ table?, idPrefix?, extraColumns? }",
    )
  }
  if (readOnly) {
    throw invalid(
      "A read-only link has no table: the database option does not apply",
      "remove database or readOnly",
    )
  }
  checkKeys(database as Record<string, unknown>, DATABASE_KEYS, "the database option of defineLink")
  checkType(database.table, "string", "database.table")
  checkType(database.idPrefix, "string", "database.idPrefix")
  const extra = database.extraColumns
  if (extra === undefined) return
  if (typeof extra !== "object" || extra === null || Array.isArray(extra)) {
    throw invalid(
      `Invalid database.extraColumns: ${show(extra)}`,
      '{ note: { type: "text", nullable: true } }',
    )
  }
  for (const [name, column] of Object.entries(extra)) {
    if (typeof column !== "object" || column === null || typeof column.type !== "string") {
      throw invalid(
        `Invalid extra column "${name}": ${show(column)}`,
        '{ type: "text", defaultValue?, nullable? }',
      )
    }
  }
}

function checkKeys(value: object, valid: string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!valid.includes(key))
      throw invalid(`Unknown property "${key}" in ${where}`, suggest(key, valid, "valid properties"))
  }
}

function checkType(value: unknown, type: "boolean" | "string", name: string): void {
  if (value !== undefined && typeof value !== type) {
    throw invalid(
      `${name} must be a ${type}, got ${show(value)}`,
      `write ${name}: ${type === "boolean" ? "true" : '"…"'}`,
    )
  }
}

function invalid(message: string, hint: string): ModlinkError {
  return new ModlinkError("INVALID_LINK", message, { hint })
}

function show(value: unknown): string {
  if (value === undefined) return "undefined"
  if (typeof value === "function") return `a function (${value.name || "anonymous"})`
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}
