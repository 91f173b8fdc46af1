export { recoverPrepared } from "./recover-prepared.ts"
export { type Transaction, Transactions } from "./run-transaction.ts"
export type { TransactionOptions } from "./transaction-options.ts"
export type { ScopeContainer, WireContainer } from "./transaction-scope.ts"
