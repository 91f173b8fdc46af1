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
    super(options.hint ? `${message}\n  hint: ${options.hint}` : message, { cause: options.cause })
    this.name = "ModlinkError"
    this.code = code
    this.hint = options.hint
    this.details = options.details
  }
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
  | "CASCADE_FAILED"
  | "DATABASE"

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
