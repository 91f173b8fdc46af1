import { isModlinkError, ModlinkError } from "../errors/index.ts"

interface DriverError {
  message: string
  code?: string
  constraint?: string
  detail?: string
  table?: string
  column?: string
  /** Network errors (ECONNREFUSED) carry the address they tried. */
  address?: string
  port?: number
  hostname?: string
}

/** What the driver error is wrapped against: which database, and the limits it ran under. */
export interface DriverErrorContext {
  /** The server URL without its password, or the PGlite folder. */
  label: string
  /** The statement that failed: kept in `details.sql`, shown by the CLI only with --verbose. */
  text?: string
  connectTimeout?: number
  statementTimeout?: number
}

/** The part of an error a user acts on: what happened in their words, and the fix. */
interface Explained {
  reason: string
  hint?: string
}

const EMBEDDED =
  "or, for the zero-setup embedded database, unset DATABASE_URL and the config's databaseUrl (it lives in .modlink/)"

/** host:port of a server URL label, for messages about reaching it. */
function serverOf(label: string): { host: string; port: string; database: string; user: string } {
  try {
    const url = new URL(label)
    return {
      host: url.hostname || "localhost",
      port: url.port || "5432",
      database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
      user: decodeURIComponent(url.username) || "postgres",
    }
  } catch {
    return { host: "localhost", port: "5432", database: "postgres", user: "postgres" }
  }
}

const quotedName = (message: string): string | undefined => /"([^"]+)"/.exec(message)?.[1]

/**
 * Turns the driver's text into what the user needs: the cause in plain words and the command that
 * fixes it. Only the causes users meet on their own projects are named; anything else keeps the
 * driver's message (and PostgreSQL's detail as the hint).
 */
function explain(driver: DriverError, context: DriverErrorContext): Explained | undefined {
  const server = serverOf(context.label)
  const at = `${server.host}:${server.port}`
  switch (driver.code) {
    case "ECONNREFUSED":
      return {
        reason: `connection refused at ${driver.address ?? server.host}:${driver.port ?? server.port}`,
        hint: `is a PostgreSQL server running at ${at}? Start it or fix the URL, ${EMBEDDED}`,
      }
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return {
        reason: `host "${driver.hostname ?? server.host}" not found`,
        hint: `check the host in the database URL, ${EMBEDDED}`,
      }
    case "3D000":
      return {
        reason: `database "${server.database}" does not exist on ${at}`,
        hint: `create it: createdb -h ${server.host} -p ${server.port} -U ${server.user} ${server.database}`,
      }
    case "28P01":
    case "28000":
      return {
        reason: `authentication failed for user "${server.user}" on ${at}: ${driver.message}`,
        hint: "check the user and password in the database URL (postgres://user:password@host:port/database)",
      }
    case "42P01":
      return {
        reason: `table "${quotedName(driver.message) ?? "?"}" does not exist`,
        hint: "the database is behind the models: run `modlink db:migrate`",
      }
    case "42703":
      return {
        reason: driver.message,
        hint:
          "a model has a field the database lacks: run `modlink db:generate <module>` for the module " +
          "whose model changed, then `modlink db:migrate`",
      }
    case "57014":
      if (/statement timeout/.test(driver.message)) {
        return {
          reason: `statement timeout: the statement ran longer than ${context.statementTimeout ?? "the"} ms`,
          hint: "raise statementTimeout in modlink.config.ts, or narrow the query (filters, take)",
        }
      }
      return undefined
  }
  if (/timeout exceeded when trying to connect|connection timeout/.test(driver.message)) {
    return {
      reason: `connect timeout: no answer from ${at} within ${context.connectTimeout ?? "the"} ms`,
      hint:
        `is ${at} a PostgreSQL server, reachable from here? Set MODLINK_CONNECT_TIMEOUT_MS to wait longer, ` +
        EMBEDDED,
    }
  }
  return undefined
}

/**
 * The one place a node-postgres or PGlite error becomes a ModlinkError: the message names the
 * database and the cause, the hint names the fix, the SQL goes to `details.sql`. Callers that need
 * the SQLSTATE (unique violations decide cardinality errors) find it in `details`.
 */
export function wrapDriverError(error: unknown, context: DriverErrorContext | string): ModlinkError {
  if (isModlinkError(error)) return error
  const { label, text } = typeof context === "string" ? { label: context, text: undefined } : context
  const driver = (error ?? {}) as DriverError
  const explained = explain(driver, typeof context === "string" ? { label } : context)
  return new ModlinkError(
    "DATABASE",
    `Database ${label} failed: ${explained?.reason ?? driver.message ?? String(error)}`,
    {
      hint: explained?.hint ?? driver.detail,
      details: {
        sqlState: driver.code,
        constraint: driver.constraint,
        detail: driver.detail,
        table: driver.table,
        column: driver.column,
        sql: text,
      },
      cause: error,
    },
  )
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
