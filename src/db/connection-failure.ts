import { sqlStateOf } from "./driver-error.ts"

/** Socket errors node-postgres passes on from Node when a server cannot be reached. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
])

/**
 * Whether `error` says the server is unreachable or going away, rather than that the statement is
 * wrong: class 08 (connection exception), 57P01–57P03 (shut down by an administrator, crashed,
 * cannot connect now: a server starting or stopping), a socket error, or node-postgres noticing
 * the connection end. Only such a failure lets a read move on to another server.
 */
export function isConnectionFailure(error: unknown): boolean {
  const state = sqlStateOf(error)
  if (
    state &&
    (state.startsWith("08") || ["57P01", "57P02", "57P03"].includes(state) || SOCKET_CODES.has(state))
  )
    return true
  const cause = (error as { cause?: unknown } | undefined)?.cause
  const message = String((cause as Error | undefined)?.message ?? (error as Error | undefined)?.message ?? "")
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
}
