export { closest, suggest } from "./closest.ts"
export { type ErrorCode, isModlinkError, ModlinkError } from "./modlink-error.ts"
