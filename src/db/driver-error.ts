import { isModlinkError, ModlinkError } from "../errors/index.ts"

interface DriverError {
  message: string
  code?: string
  constraint?: string
  detail?: string
  table?: string
  column?: string
}

/**
 * Wraps a node-postgres or PGlite error so the user sees which database failed, while callers that
 * need the SQLSTATE (unique violations decide cardinality errors) still find it in `details`.
 */
export function wrapDriverError(error: unknown, label: string, text?: string): ModlinkError {
  if (isModlinkError(error)) return error
  const driver = error as DriverError
  const statement = text ? ` while running: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : ""
  return new ModlinkError("DATABASE", `Database ${label} failed: ${driver.message ?? String(error)}`, {
    hint: driver.detail ?? (statement ? statement.trim() : undefined),
    details: {
      sqlState: driver.code,
      constraint: driver.constraint,
      detail: driver.detail,
      table: driver.table,
      column: driver.column,
    },
    cause: error,
  })
}

/** The SQLSTATE of a wrapped or raw driver error, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  if (isModlinkError(error)) return error.details?.sqlState as string | undefined
  return (error as DriverError | undefined)?.code
}

/**
 * serialization_failure and deadlock_detected: PostgreSQL rolled the transaction back whole to let
 * another one through, so running the same work again is the remedy.
 */
export function isTransactionConflict(error: unknown): boolean {
  const state = sqlStateOf(error)
  return state === "40001" || state === "40P01"
}
