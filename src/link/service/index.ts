export { linkCascadeHook } from "../cascade/auto-cascade.ts"
export { CASCADE_JOURNAL_TABLE } from "../cascade/cascade-journal.ts"
export type { LinkEventSink } from "./link-events.ts"
export type {
  CascadeReport,
  CreateLinkOptions,
  DeleteOptions,
  LinkEvent,
  LinkEventHandler,
  LinkEventName,
  LinkInput,
  LinkListInput,
  LinkRow,
  ListOptions,
  RecordIds,
  RecordsInput,
} from "./link-input.ts"
export {
  createLinkService,
  type LinkService,
  type LinkServiceOptions,
  type LinkServiceParts,
  linkServiceParts,
} from "./link-service.ts"
