/**
 * The one error class users meet. `code` is stable (tests and callers switch on it), the message
 * names the thing that was wrong, and `hint` says how to fix it or which valid name was closest.
 */
export class ModlinkError extends Error {
  readonly code: ErrorCode
  readonly hint?: string
  readonly details?: Record<string, unknown>

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const hint = options.hint === undefined ? undefined : bounded(options.hint)
    super(hint ? `${bounded(message)}\n  hint: ${hint}` : bounded(message), { cause: options.cause })
    this.name = "ModlinkError"
    this.code = code
    this.hint = hint
    this.details = options.details
  }
}

/**
 * Messages quote the names and values callers passed, which may be megabytes long (a hostile field
 * name, a pasted document): past this many characters the rest is cut, so a log line stays a line.
 */
const MAX_TEXT = 4000

function bounded(text: string): string {
  return text.length > MAX_TEXT
    ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)`
    : text
}

export type ErrorCode =
  | "INVALID_MODEL"
  | "INVALID_MODULE"
  | "INVALID_LINK"
  | "INVALID_CONFIG"
  | "INVALID_INPUT"
  | "INVALID_FILTER"
  | "UNKNOWN_ENTITY"
  | "UNKNOWN_FIELD"
  | "NOT_FOUND"
  | "CARDINALITY"
  | "SYNC_FAILED"
  | "MIGRATION_FAILED"
  | "BASELINE_DRIFT"
  | "CASCADE_FAILED"
  | "DATABASE"
  | "TRANSACTION_ABORTED"
  | "TRANSACTION_CONFLICT"
  | "TWO_PHASE_UNAVAILABLE"

/**
 * By name and code rather than instanceof: user files loaded at run time may carry their own copy
 * of this class, and their errors must still count as user errors.
 */
export function isModlinkError(error: unknown): error is ModlinkError {
  return (
    error instanceof Error &&
    error.name === "ModlinkError" &&
    typeof (error as ModlinkError).code === "string"
  )
}
