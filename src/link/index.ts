export { defineLink, isLinkHandle, LINK_HANDLE, LinkHandle } from "./define-link.ts"
export { EXTRA_COLUMN_TYPES, resolveExtraColumns } from "./extra-columns.ts"
export type {
  DefineLinkOptions,
  ExtraColumnOptions,
  ExtraColumnType,
  LinkSideDefinition,
  LinkSideInput,
} from "./link-definition.ts"
export { LIVE_LINK_ROWS, linkTableSchema, uniqueKeyColumns } from "./link-table.ts"
export type { Linkable } from "./linkable.ts"
export * from "./naming.ts"
export { type LinkableModule, type LinkSource, resolveLinks } from "./resolve-link.ts"
export {
  describeLink,
  type LinkDescriptor,
  type ResolvedExtraColumn,
  type ResolvedLink,
  type ResolvedLinkSide,
  type ResolvedReadOnlyLink,
  type ResolvedTableLink,
} from "./resolved-link.ts"
