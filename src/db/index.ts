export { atomically } from "./atomically.ts"
export { isConnectionFailure } from "./connection-failure.ts"
export {
  type Database,
  ISOLATION_LEVELS,
  type IsolationLevel,
  type OpenTransaction,
  type QueryResult,
} from "./database.ts"
export { isTransactionConflict, sqlStateOf, wrapDriverError } from "./driver-error.ts"
export { openDatabase } from "./open-database.ts"
export { openPglite } from "./pglite-database.ts"
export { openPostgres, redactUrl } from "./postgres-database.ts"
export { replicaReader } from "./replica-reader.ts"
export { isSql, quoteIdent, Sql, sql } from "./sql.ts"
