import { isModlinkError } from "../../errors/index.ts"
import { ApiError } from "../api/api-error.ts"

/** What every failed API call answers: `{ error: { code, message, hint? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; hint?: string }
}

const STATUS_OF_CODE: Record<string, number> = { NOT_FOUND: 404, CARDINALITY: 409 }

/**
 * Error text may quote what a driver said, and driver messages can carry a connection string
 * (host, user, password): anything shaped like a URL with credentials is masked before it leaves.
 */
function scrub(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'`]+/gi, "<connection string>")
}

/** A thrown value as a status and a JSON body; internal errors say little and nothing secret. */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, hint: error.hint } },
    }
  }
  if (isModlinkError(error)) {
    const message = scrub(error.message.split("\n  hint: ")[0])
    const hint = error.hint === undefined ? undefined : scrub(error.hint)
    return { status: STATUS_OF_CODE[error.code] ?? 400, body: { error: { code: error.code, message, hint } } }
  }
  const message = error instanceof Error ? scrub(error.message) : "unexpected failure"
  return { status: 500, body: { error: { code: "INTERNAL", message } } }
}
